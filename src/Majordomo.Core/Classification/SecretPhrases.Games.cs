namespace Majordomo.Classification;

/// <summary>
/// Locks, codes and passwords of games and puzzles, after the probe <c>sensitive-lookalikes-17</c> (docs/CLASSIFIER.md, "Probe 17
/// read by category"): a treasure hunt's padlock, an escape room's combination, a murder mystery's safe, a homework's count of a
/// bicycle lock's combinations, a children's secret club's password. The value opens a box in a game, no account: a puzzle or
/// club cue within 400 characters of the noun leaves it alone. And a digit range ("0 bis 9", "da 0 a 9") is no combination.
/// </summary>
internal static partial class SecretPhrases
{
    // Games and puzzles a lock or a code belongs to, and a counting exercise about one, in the corpus languages.
    private static readonly string[] PuzzleCues =
    [
        "escape room", "escape game", "treasure hunt", "scavenger hunt", "murder mystery", "puzzle", "riddle", "cheat code", "homework",
        "how many combinations", "schnitzeljagd", "schatzsuche", "rätsel", "hausaufgabe", "wie viele kombinationen", "chasse au trésor",
        "énigme", "jeu d'évasion", "combien de combinaisons", "búsqueda del tesoro", "acertijo", "adivinanza", "cuántas combinaciones",
        "caça ao tesouro", "charada", "quantas combinações", "caccia al tesoro", "indovinell", "enigm", "esercizio", "compito",
        "quante combinazioni", "speurtocht", "schattenjacht", "raadsel", "hoeveel combinaties", "podchody", "zagadk", "ile kombinacji",
        "квест", "загадк", "головоломк", "задача", "сколько комбинаций", "hazine avı", "bilmece", "kaç kombinasyon", "謎解き", "脱出ゲーム",
        "宝探し", "보물찾기", "방탈출", "수수께끼", "寻宝", "谜题", "密室逃脱", "treasure chest", "treasure box", "schatzkiste", "coffre au trésor",
        "cofre del tesoro", "baú do tesouro", "forziere",
    ];

    // A real lock's place before a code's noun ("our garage code", "unseren Garagencode"): the game reuses a real code (probe 22).
    private static readonly string[] RealLockPlaces =
    [
        "garage", "front door", "house", "alarm", "haustür", "haus", "alarmanlage", "porte d'entrée", "portail", "maison", "garaje", "casa",
        "portão", "garagem", "cancello", "voordeur", "garaż", "domu",
    ];

    private static readonly string[] RealLockOwners =
    [
        "our", "my", "unser", "unsere", "unseren", "unserer", "mein", "meine", "meinen", "notre", "mon", "ma", "nuestro", "nuestra", "mi", "nosso",
        "nossa", "meu", "minha", "nostro", "nostra", "mio", "mia", "onze", "mijn", "nasz", "nasza", "naszego", "mój", "mojego",
    ];

    // A children's club or den whose password is a game's.
    private static readonly string[] ClubCues =
    [
        "secret club", "clubhouse", "treehouse", "tree house", "geheime club", "boomhut", "geheimclub", "baumhaus", "club secret", "cabane",
        "club secreto", "clube secreto", "club segreto", "тайный клуб", "秘密基地", "비밀 클럽",
    ];

    /// <summary>Whether a lock's or a code's noun stands in a puzzle, or a password's in a children's club (cue within 400 characters).</summary>
    private static bool GameValue(ReadOnlySpan<char> text, int at, int end, Want want, string phrase)
    {
        var cues = want is Want.Lock or Want.Dial || (want is Want.Digits or Want.Short && (IsCodeWord(phrase) || phrase.StartsWith("combin", StringComparison.Ordinal)))
            ? PuzzleCues : want == Want.Word ? ClubCues : null;
        if (cues is null)
        {
            return false;
        }

        return CueNear(text, at, end, cues) && !RealCodeReused(text, at);
    }

    /// <summary>Whether the 30 characters before a code's noun name a real lock's place and its owner: a real code a game reuses is still a secret.</summary>
    private static bool RealCodeReused(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 30)..at];
        if (!WordIn(before, RealLockPlaces))
        {
            return false;
        }

        foreach (var range in before.SplitAny(" \t\n"))
        {
            if (OneOf(before[range], RealLockOwners))
            {
                return true;
            }
        }

        return false;
    }

    // The words that join a range's ends ("0 bis 9", "da 0 a 9", "from 0 to 9", "от 0 до 9").
    private static readonly string[] RangeWords = ["to", "bis", "a", "à", "al", "au", "до", "tot", "t/m", "do", "till", "through", "thru", "hasta", "até", "ila", "~", "〜", "–"];

    /// <summary>Whether the number ending at <paramref name="end"/> opens a range; <paramref name="next"/> is past the range's other end.</summary>
    private static bool RangeStart(ReadOnlySpan<char> window, int end, out int next)
    {
        next = end;
        var rest = window[end..];
        var trimmed = rest.TrimStart(' ');
        foreach (var word in RangeWords)
        {
            if (!trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var after = trimmed[word.Length..];
            var digits = after.TrimStart(' ');
            if ((after.Length == digits.Length && word[0] < 0x80 && char.IsLetter(word[0])) || digits.IsEmpty || !char.IsAsciiDigit(digits[0]))
            {
                continue;
            }

            var run = digits.IndexOfAnyExceptInRange('0', '9');
            next = window.Length - digits.Length + (run < 0 ? digits.Length : run);
            return true;
        }

        return false;
    }
}
