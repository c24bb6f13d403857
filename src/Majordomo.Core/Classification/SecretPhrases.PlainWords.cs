using System.Buffers;
using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// A password told as one plain word after its noun in Polish, Russian, Ukrainian, Turkish, Korean, Chinese and Japanese ("Moje hasło
/// to kwiatek", "Мой пароль — ромашка", "мой пароль ромашка", "şifrem papatya", "비밀번호는 해바라기야", "密码是向日葵", "パスワードは
/// ひまわりです"), where <see cref="Candidate"/> takes no plain word. The word must close its clause and be none of the verbs,
/// adjectives, negations, question and function words these languages put after "my password is" ("мой пароль не подходит", "hasło
/// to podstawa", "şifrem çalındı", "密码是什么", "パスワードは忘れました").
/// </summary>
internal static partial class SecretPhrases
{
    private static bool PlainWordPassword(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        var rest = text[end..Math.Min(text.Length, end + 48)];
        return phrase switch
        {
            "hasło" or "haslo" => PolishPlainWord(rest),
            "пароль" => CyrillicPlainWord(text, end - phrase.Length, rest),
            "şifre" or "sifre" or "parolam" => TurkishPlainWord(text[Math.Min(end, at + phrase.Length)..end], rest, phrase == "parolam"),
            "비밀번호" => HangulPlainWord(rest),
            "密码" or "口令" => HanPlainWord(rest),
            "パスワード" => KanaPlainWord(rest),
            _ => false,
        };
    }

    // "to kwiatek", "jest poziomka", "— jarzębina": a connector, then the word.
    private static bool PolishPlainWord(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        if (!SkipConnector(ref rest, ["to ", "jest ", "— ", "– ", "- ", ": "]))
        {
            return false;
        }

        var word = LetterRun(rest);
        return ClauseEnds(rest[word.Length..]) && word.Length >= 4 && !Stop(word, PolishStops, PolishStopEnds);
    }

    // "— ромашка", "это брусника", ": черёмуха"; with no connector only after "мой/мій/наш" ("мой пароль ромашка").
    private static bool CyrillicPlainWord(ReadOnlySpan<char> text, int nounAt, ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        if (!SkipConnector(ref rest, ["— ", "– ", "- ", ": ", "это ", "це "]) && !OwnBefore(text, nounAt))
        {
            return false;
        }

        var word = LetterRun(rest);
        return ClauseEnds(rest[word.Length..]) && word.Length >= 4 && !Stop(word, CyrillicStops, CyrillicStopEnds);
    }

    private static bool OwnBefore(ReadOnlySpan<char> text, int nounAt)
    {
        var before = text[Math.Max(0, nounAt - 5)..nounAt];
        return before.EndsWith("мой ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("мій ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("наш ", StringComparison.OrdinalIgnoreCase);
    }

    // "şifrem papatya", "şifremiz zeytin", "şifre: lale", "parolam menekşe": the own form or a colon, then the word ("şifremi
    // unuttum" is an object).
    private static bool TurkishPlainWord(ReadOnlySpan<char> suffix, ReadOnlySpan<char> rest, bool parolam)
    {
        var own = parolam ? suffix is "" or "ız" : suffix is "m" or "miz" or "mız";
        rest = rest.TrimStart(' ');
        if (!SkipConnector(ref rest, [":"]) && !own)
        {
            return false;
        }

        var word = LetterRun(rest);
        return ClauseEnds(rest[word.Length..]) && word.Length >= 4 && !Stop(word, TurkishStops, TurkishStopEnds)
            && !(word.Length >= 5 && (word.EndsWith("di", StringComparison.Ordinal) || word.EndsWith("ti", StringComparison.Ordinal)));
    }

    // "는 해바라기야", "은 … 입니다": the topic particle, then a Hangul word closed by a copula.
    private static bool HangulPlainWord(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] is not ('는' or '은'))
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        var run = ScriptRun(rest);
        var stem = StripEnding(run, ["입니다", "이에요", "예요", "이야", "야"]);
        return stem.Length != run.Length && stem.Length >= 2 && ClauseEnds(rest[run.Length..]) && !Stop(stem, HangulStops, []);
    }

    // "是向日葵，": the copula, then two to six Han characters closing the clause.
    private static bool HanPlainWord(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] != '是')
        {
            return false;
        }

        var run = ScriptRun(rest[1..]);
        return run.Length is >= 2 and <= 6 && ClauseEnds(rest[(1 + run.Length)..]) && !HanNotValue.Contains(run[0])
            && !HanNotValue.Contains(run[^1]);
    }

    // "はひまわりです。", "はさくらだよ。", "はもみじ。": the topic particle, then a kana or kanji word, a copula or none.
    private static bool KanaPlainWord(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] != 'は')
        {
            return false;
        }

        var run = ScriptRun(rest[1..]);
        var stem = StripEnding(run, ["です", "だよ", "だね", "だ"]);
        return stem.Length is >= 2 and <= 8 && ClauseEnds(rest[(1 + run.Length)..]) && !Stop(stem, KanaStops, KanaStopEnds) && !KanjiWithKana(stem);
    }

    // "他人に教えないでください": kanji with hiragana after them is a verb or a phrase with its particles, not one word.
    private static bool KanjiWithKana(ReadOnlySpan<char> stem) =>
        stem.IndexOfAnyInRange('\u4E00', '\u9FFF') >= 0 && stem.IndexOfAnyInRange('\u3041', '\u3096') >= 0;

    /// <summary>
    /// A plain word after a connector that is one these languages use to describe a password ("Пароль это важно", "Мой пароль был
    /// изменён", "Hasło jest nieprawidłowe"): <see cref="Candidate"/> takes a non-ASCII word that closes its clause, and these are none.
    /// </summary>
    private static bool DescribingWord(ReadOnlySpan<char> value) =>
        value[0] is >= 'Ѐ' and <= 'ӿ' ? Stop(value, CyrillicStops, CyrillicStopEnds) : PolishStops.Contains(value) || TurkishStops.Contains(value);

    private static bool SkipConnector(ref ReadOnlySpan<char> rest, scoped ReadOnlySpan<string> connectors)
    {
        foreach (var connector in connectors)
        {
            if (rest.StartsWith(connector, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[connector.Length..].TrimStart(' ');
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> LetterRun(ReadOnlySpan<char> rest)
    {
        var n = 0;
        while (n < rest.Length && (char.IsLetter(rest[n]) || (n > 0 && n + 1 < rest.Length && rest[n] is '\'' or '’' && char.IsLetter(rest[n + 1]))))
        {
            n++;
        }

        return rest[..n];
    }

    // Han, kana and Hangul letters (and the long-vowel mark), no digits or Latin.
    private static ReadOnlySpan<char> ScriptRun(ReadOnlySpan<char> rest)
    {
        var n = 0;
        while (n < rest.Length && (IsCjk(rest[n]) || rest[n] == 'ー') && !PunctuationCjk.Contains(rest[n]))
        {
            n++;
        }

        return rest[..n];
    }

    private static readonly SearchValues<char> PunctuationCjk = SearchValues.Create("，。、！？：；「」『』（）…・");

    private static ReadOnlySpan<char> StripEnding(ReadOnlySpan<char> run, ReadOnlySpan<string> endings)
    {
        foreach (var ending in endings)
        {
            if (run.EndsWith(ending, StringComparison.Ordinal))
            {
                return run[..^ending.Length];
            }
        }

        return run;
    }

    // The word is the clause's last: the end, a line break, punctuation, a comma and more text, or a closing quote.
    private static bool ClauseEnds(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(' ');
        return after.IsEmpty || after[0] is '.' or ',' or ';' or '!' or '\n' or '\r' or '"' or '\'' or '»' or '”' or ')' or '，' or '。' or '！' or '」' or '、' or '…' or '—' or '–' or '-';
    }

    private static bool Stop(ReadOnlySpan<char> word, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> stops, ReadOnlySpan<string> endings)
    {
        if (stops.Contains(word))
        {
            return true;
        }

        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // What Polish puts after "moje hasło to/jest": adjectives and participles (neuter), adverbs, question and function words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PolishStops = Words(
        "podstawa", "nie", "już", "też", "także", "ciągle", "wciąż", "zawsze", "nadal", "tylko", "chyba", "raczej", "właśnie", "jeszcze", "teraz",
        "co", "gdzie", "jakie", "jaki", "które", "który", "czy", "kiedy", "dlaczego", "czemu", "tu", "tam", "tutaj", "moje", "twoje", "jego",
        "jej", "nasze", "wasze", "ich", "swoje", "takie", "inne", "jedno", "jeden", "jednym", "klucz", "ważne", "wymagane", "potrzebne", "złe",
        "dobre", "słabe", "silne", "mocne", "krótkie", "długie", "zbyt", "bardzo", "tajne", "poufne", "nowe", "stare", "proste", "trudne",
        "bezpieczne", "tymczasowe", "jednorazowe", "niepoprawne", "nieprawidłowe", "błędne", "poprawne", "prawidłowe", "zmienione",
        "skradzione", "ukradzione", "zapomniane", "wygasło", "zniknęło", "okej", "puste", "hasło", "haslo", "wszystko", "problem", "błąd",
        "sekret", "tajemnica", "niezbędne", "obowiązkowe", "zablokowane", "wyłączone", "włączone", "ustawione", "zapisane");

    private static readonly string[] PolishStopEnds = ["ne", "we", "kie", "gie", "łe", "te", "ło", "ło", "ać", "eć", "ić", "yć", "ść"];

    // What Russian and Ukrainian put after "мой пароль —/это": adjectives, participles, adverbs, verbs, question and function words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CyrillicStops = Words(
        "какой", "такой", "другой", "простой", "пустой", "никакой", "любой", "свой", "твой", "мой", "мій", "твій", "свій", "його", "его", "её",
        "ее", "її", "их", "їх", "наш", "ваш", "этот", "тот", "этом", "тут", "там", "здесь", "тоже", "также", "снова", "опять", "уже", "ещё",
        "еще", "вже", "ще", "всегда", "завжди", "везде", "есть", "нет", "немає", "не", "ни", "ні", "что", "що", "где", "де", "кто", "хто",
        "когда", "коли", "зачем", "навіщо", "почему", "чому", "сейчас", "зараз", "теперь", "тепер", "изменён", "изменен", "сброшен", "украден",
        "утерян", "забыт", "взломан", "устарел", "истёк", "истек", "обязателен", "неизвестен", "недействителен", "подходит", "работает",
        "працює", "підходить", "нужен", "нужно", "потрібен", "потрібно", "надо", "треба", "важен", "важно", "важливо", "сложно", "просто",
        "легко", "плохо", "хорошо", "погано", "добре", "надежно", "надёжно", "опасно", "безопасно", "секретно", "удобно", "обязательно",
        "правильно", "неправильно", "верно", "неверно", "давно", "недавно", "ясно", "понятно", "главное", "слишком", "занадто", "очень",
        "дуже", "пароль", "секрет", "тайна", "таємниця", "ошибка", "помилка", "проблема", "стандарт", "вопрос", "питання", "один", "одна",
        "банальный", "совпадает", "збігається", "забыл", "забула", "забув", "пропал", "зник", "сменён", "змінено", "скинуто", "вкрадено", "значит", "означает", "означає", "такое", "таке");

    private static readonly string[] CyrillicStopEnds = ["ый", "ий", "ій", "ая", "яя", "ое", "ее", "ые", "ие", "ні", "ли", "ть", "ться", "тся", "ено", "ано"];

    // What Turkish puts after "şifrem/şifre:": adjectives, verbs, question and function words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TurkishStops = Words(
        "yanlış", "doğru", "zayıf", "güçlü", "kısa", "uzun", "nedir", "neydi", "hangisi", "yok", "var", "değil", "gerekli", "zorunlu",
        "geçersiz", "hatalı", "eski", "yeni", "aynı", "farklı", "güvenli", "gizli", "basit", "kolay", "zor", "önemli", "burada", "orada",
        "nerede", "kaç", "çok", "hiç", "bile", "için", "gibi", "şimdi", "hala", "hâlâ", "artık", "yine", "tekrar", "unutuldu", "sıfırlandı",
        "çalındı", "değişti", "benim", "senin", "onun", "bizim", "boş", "belli", "lazım", "şifre", "parola", "sorun", "hata", "ayrı", "tamam",
        "neden", "niye", "nasıl", "kimde", "hangi", "standart", "herkes", "sadece", "bunu", "şunu", "onu", "bende", "sende", "bilinmiyor");

    private static readonly string[] TurkishStopEnds = ["dı", "du", "dü", "tı", "tu", "tü", "mış", "miş", "muş", "müş", "yor", "acak", "ecek", "malı", "meli", "maz", "mez", "mıyor", "miyor", "lı", "li", "lu", "lü", "sız", "siz", "suz", "süz"];

    // What Korean puts before "야/입니다" after "비밀번호는": question, demonstrative and describing words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HangulStops = Words(
        "뭐", "무엇", "어디", "얼마", "몇", "누구", "이거", "그거", "저거", "이것", "그것", "저것", "필수", "비밀", "변경", "틀린", "잘못", "숫자",
        "영문", "기본값", "동일", "공백", "없음", "미설정", "설정", "필요", "비밀번호", "개인정보", "보안", "중요", "문제", "오류", "같은", "다른",
        "아무거나", "아무것도", "뭔가", "뭘까", "이거야", "여기", "거기", "저기", "최소", "최대", "대문자", "소문자", "특수문자", "영어", "한글",
        "임시", "초기", "초기값", "기존", "새것", "생일", "전화번호");

    // Han characters a described password opens or closes with ("是什么", "是多少位", "是错误的", "是不是", "是必填项", "是你的").
    private static readonly SearchValues<char> HanNotValue = SearchValues.Create(
        "什多少几哪谁怎错对必一无空默正新旧同相自你我他她它您这那如由用在为被否可很太不没的吗呢吧了么啊呀嘛着过都也还就只要会能该需请数位个字码号");

    // What Japanese puts after "パスワードは": describing, question and demonstrative words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KanaStops = Words(
        "何", "なん", "なに", "どこ", "どれ", "いくつ", "誰", "これ", "それ", "あれ", "こちら", "そちら", "以下", "以上", "下記", "別", "一緒",
        "個人", "自分", "なし", "無し", "どう", "いつも", "毎回", "大事", "大切", "重要", "必須", "必要", "間違い", "不明", "未設定", "同じ", "共通",
        "秘密", "内緒", "空", "空欄", "英数字", "半角", "全角", "安全", "危険", "簡単", "複雑", "短い", "長い", "弱い", "強い", "正しい", "違う",
        "パスワード", "不要", "任意", "初期値", "デフォルト", "変更済み", "設定済み", "無効", "有効", "同じもの", "前と同じ", "ここ", "そこ");

    private static readonly string[] KanaStopEnds = ["ました", "ません", "ます", "ない", "た", "て", "か", "済み", "でした", "ですか", "る", "れ", "しい", "ください", "なさい"];
}
