namespace Majordomo.Classification;

/// <summary>
/// Records, forms and office work (after the blind probe <c>sensitive-lookalikes-21</c>, docs/CLASSIFIER.md "Records and
/// forms"): the labels forms print for national, health and residence ids (registre national, rijksregister, n° d'immatriculation,
/// RAMQ, OHIP, PHN, SV-Nr, personnr, číslo pasu, povolení k pobytu…), read like the id nouns; an id or account name in a CSV
/// row's field column (<c>E1043,bank_account,****4471,4470912286</c>). Guards (the probe's false alarms, each general): a
/// business's number after the noun (<see cref="SensitiveScanner.BusinessNumber"/>), a secret the sentence says is given
/// elsewhere ("I'll text her the lockbox code", "sag ich dir persönlich", "im Passwortmanager"), a phone number in its print
/// groups after "my number", a documented dummy (<c>RSSMRA80A01H501U</c>), a year range after "lat"/"years".
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] RecordPhrases() =>
    [
        // National, health and residence ids as forms label them.
        ("registre national", Want.Digits), ("rijksregister", Want.Digits), ("numéro national", Want.Digits), ("d'immatriculation", Want.Account),
        ("assurance maladie", Want.Digits), ("ramq", Want.Digits), ("ohip", Want.Digits), ("health card", Want.Digits), ("health number", Want.Digits),
        ("phn", Want.Digits), ("carte santé", Want.Digits), ("sv-nr", Want.Digits), ("svnr", Want.Digits), ("sv-nummer", Want.Digits),
        ("personnr", Want.Digits), ("pers.nr", Want.Digits), ("p-nr", Want.Digits), ("pnr", Want.Account), ("ni no.", Want.Digits),
        ("cestovního pasu", Want.Digits), ("cestovní pas", Want.Digits), ("číslo pasu", Want.Digits), ("povolení k pobytu", Want.Digits),
        ("občanského průkazu", Want.Digits), ("občanský průkaz", Want.Digits), ("občianskeho preukazu", Want.Digits), ("občiansky preukaz", Want.Digits),
        ("cartão sus", Want.Digits), ("cartão do sus", Want.Digits), ("cartão nacional de saúde", Want.Digits), ("afiliación", Want.Digits),
        ("在留カード", Want.Digits), ("외국인등록번호", Want.Digits), ("医保卡", Want.Digits), ("社保卡", Want.Digits),
    ];

    // Id and account names read in a CSV row's field column ("bank_account", "ssn_on_file"): a constant pattern (ordinal, as
    // Array.IndexOf over them was) instead of an array search at every phrase of every hit (issue 16 item 4).
    private static bool RecordFieldName(string phrase) => phrase is "account" or "routing" or "iban" or "ssn" or "passport";

    /// <summary>
    /// An id or account name inside a CSV row's field (<c>bank_account</c>, <c>direct_deposit_account</c>) with a later field
    /// of the same row holding six to twenty digits unmasked: a change log or export in long form, one attribute a row.
    /// </summary>
    private static bool RecordField(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (!RecordFieldName(phrase))
        {
            return false;
        }

        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        var end = at + phrase.Length;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        // A field of its own, bounded by the delimiter, with a name's underscore ("bank_account", not prose "account,").
        if (start == 0 || text[start - 1] != ',' || end >= text.Length || text[end] != ',' || text[start..end].IndexOf('_') < 0)
        {
            return false;
        }

        var lineEnd = text[end..].IndexOfAny('\n', '\r');
        var rest = lineEnd < 0 ? text[end..] : text[end..(end + lineEnd)];
        foreach (var range in rest.Split(','))
        {
            var field = rest[range].Trim(' ');
            if (field.Length is >= 6 and <= 24 && field.IndexOfAnyExcept("0123456789- ") < 0 && field.Count('-') + field.Count(' ') <= 3
                && field.Length - field.Count('-') - field.Count(' ') >= 6 && !Date(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the noun (<paramref name="at"/>..<paramref name="end"/>) has no value of its own in this record: a business's number
    /// follows it, the sentence says the secret is given elsewhere, a phone number follows "my number", a documented dummy follows,
    /// or the digits are a year range ("z obsługą lat 2000+").
    /// </summary>
    private static bool RecordNotValue(ReadOnlySpan<char> text, int at, int end, Want want)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        var lineEnd = window.IndexOfAny('\n', '\r');
        window = lineEnd < 0 ? window : window[..lineEnd];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit >= 0 && SensitiveScanner.BusinessNumber(text, end + digit))
        {
            return true;
        }

        if (Withheld(text, at, end))
        {
            return true;
        }

        if (digit >= 0 && want == Want.Personal && PhoneGroups(window[digit..]))
        {
            return true;
        }

        return window.Contains("RSSMRA", StringComparison.Ordinal) && DummyAfter(window);
    }

    /// <summary>
    /// Digits that are no code in a record (<paramref name="start"/>..<paramref name="end"/> of <paramref name="window"/>): a
    /// business's number, a month and year ("gültig bis 03/2027"), a year range ("lat 2000+"), or seven to fifteen digits named a phone
    /// just before ("mi móvil es 611 20 44 87").
    /// </summary>
    private static bool RecordNotCode(ReadOnlySpan<char> window, int start, int end, int digits)
    {
        var run = window[start..end];
        if (run.Length == 7 && run[2] == '/' && run[..2] is [>= '0' and <= '1', >= '0' and <= '9'] && run[3..5] is "19" or "20")
        {
            return true; // mm/yyyy: an expiry or issue month
        }

        if (digits == 4 && end < window.Length && window[end] == '+' && run is ['1' or '2', '9' or '0', _, _])
        {
            return true;
        }

        return (digits is >= 7 and <= 15 && PhoneNamed(window[Math.Max(0, start - 14)..start])) || SensitiveScanner.BusinessNumber(window, start);
    }

    /// <summary>
    /// Seven to fifteen digits at <paramref name="start"/> (in print groups) named a phone line just before (a notice's "フリーダイヤル
    /// 0120-65-5040", "문의: 02-3410-2114"): a public line, not the PIN or id the notice names.
    /// </summary>
    internal static bool PublicLine(ReadOnlySpan<char> text, int start)
    {
        var digits = 0;
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] is '-' or ' ' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
            end++;
        }

        return digits is >= 7 and <= 15 && PhoneNamed(text[Math.Max(0, start - 14)..start]);
    }

    private static readonly string[] PhoneWords =
    [
        "phone", "mobile", "cell", "tel", "móvil", "movil", "celular", "telefon", "téléphone", "portable", "handy", "cellulare", "telefoon",
        "телефон", "моб", "电话", "手机", "電話", "携帯", "전화", "휴대폰", "whatsapp",
        // A public line in a notice (probe 31: "문의: 02-3410-2114", "フリーダイヤル 0120-65-5040", "Sperr-Hotline 116 116").
        "hotline", "helpline", "renseignements", "contact", "문의", "고객센터", "フリーダイヤル", "お問い合わせ", "客服", "热线", "infolínea", "linea verde", "numero verde",
    ];

    // A phone word among the last words before the number, in its line ("mi móvil es", "Tel.", "call me on my cell").
    private static bool PhoneNamed(ReadOnlySpan<char> before)
    {
        var line = before.LastIndexOfAny('\n', '\r');
        before = before[(line + 1)..];
        foreach (var word in PhoneWords)
        {
            var hit = before.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (word[0] >= 0x2E80 || hit == 0 || !char.IsLetter(before[hit - 1])))
            {
                return true;
            }
        }

        return false;
    }

    // "carta d'identità elettronica n. CA44819KD", "passaporto n. 118830427": a form's "n." near the noun ends no sentence.
    private static bool NumberMark(ReadOnlySpan<char> window, int dot) => dot is >= 1 and < 16 && window[dot - 1] == 'n' && (dot == 1 || window[dot - 2] == ' ');

    /// <summary>
    /// A PIN told as a sentence of its own after its noun's ("… the same PIN for 10 years. 0412. Both."): four to eight digits,
    /// not a year, then the sentence's end.
    /// </summary>
    private static bool DigitsAsSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 16)].TrimStart(' ');
        var digits = next.IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? next.Length : digits;
        return digits is >= 4 and <= 8 && !(digits == 4 && next[0] is '1' or '2' && next[1] is '9' or '0')
            && (digits == next.Length || next[digits] is '.' or '!' or '\n');
    }

    // Words saying the secret is passed on another way ("I'll text her the lockbox code", "sag ich dir persönlich", "en persona").
    private static readonly string[] WithheldWords =
    [
        "separately", "in person", "i'll text", "i will text", "i'll send", "i'll tell", "password manager",
        "persönlich", "schicke ich", "sag ich", "sage ich", "passwortmanager", "passwort-manager", "en persona", "por separado",
        "te la digo", "te lo digo", "séparément", "de vive voix", "en personne", "pessoalmente", "separadamente", "di persona", "a voce",
        "separatamente", "osobiście", "osobno", "лично", "отдельно", "при встрече", "persoonlijk", "personligen", "別途", "口頭", "单独", "另行",
        "当面", "따로", "yüz yüze",
        // The key is printed elsewhere on the label (probe 23): "Clé de sécurité : voir au dos".
        "voir au dos", "voir étiquette", "see label", "see the label", "see back", "siehe rückseite", "siehe etikett", "ver etiqueta", "vedi etichetta",
    ];

    // Where the secret is kept, named instead of it (probe 31: "la password è sull'etichetta sotto il router", a handover's "code … are in
    // the 1Password vault"): a label or sticker, the back of the box, a note, a vault or a safe — unless the value follows the place
    // ("the CVV on the back is 318", "le mot de passe est sous la box : brioche7Lune22").
    private static readonly string[] KeptPlaces =
    [
        "on the label", "on the sticker", "on the note", "in the vault", "in the safe", "in the envelope", "sealed envelope",
        "1password", "bitwarden", "keepass", "lastpass",
        "sull'etichetta", "sull’etichetta", "sull'adesivo", "sul retro", "nella cassaforte", "sur l'étiquette", "sur l’étiquette", "au dos",
        "sous la box", "sur le boîtier", "dans le coffre", "auf dem aufkleber", "auf dem etikett", "auf der rückseite", "auf dem zettel",
        "im tresor", "im passwortmanager", "im umschlag", "en la pegatina", "en la etiqueta", "detrás del router", "en la caja fuerte",
        "na etiqueta", "no adesivo", "atrás do roteador", "no cofre", "op de sticker", "op het etiket", "in de kluis", "na naklejce", "w sejfie",
        "на наклейке", "в сейфе", "ラベル", "シール", "金庫", "标签", "贴纸", "保险柜", "라벨", "스티커", "금고",
    ];

    // A withholding phrase within 40 characters after the noun in its sentence, no digit between: the secret is not here.
    private static bool Withheld(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 56)];
        var stop = after.IndexOfAny(".!?\n\r。");
        after = stop < 0 ? after : after[..stop];
        foreach (var phrase in WithheldWords)
        {
            var hit = after.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            var whole = hit >= 0 && (phrase[0] >= 0x2E80 || ((hit == 0 || !char.IsLetter(after[hit - 1])) && (hit + phrase.Length == after.Length || !char.IsLetter(after[hit + phrase.Length]))));
            if (whole && hit <= 40 && after[..hit].IndexOfAnyInRange('0', '9') < 0)
            {
                return true;
            }
        }

        foreach (var place in KeptPlaces)
        {
            var hit = after.IndexOf(place, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && hit <= 40 && (place[0] >= 0x2E80 || hit == 0 || !char.IsLetter(after[hit - 1])) && after[..hit].IndexOfAnyInRange('0', '9') < 0)
            {
                var rest = after[(hit + place.Length)..];
                return rest.IndexOfAnyInRange('0', '9') < 0 && rest.TrimStart(' ') is not [':' or '：', ..];
            }
        }

        return false;
    }

    // A phone number in its print groups ("612 33 90 18", "06 12 34 56 78"): what "my number" means when it is told so.
    private static bool PhoneGroups(ReadOnlySpan<char> value)
    {
        Span<int> groups = stackalloc int[6];
        int g = 0, length = 0, k = 0;
        for (; k < value.Length; k++)
        {
            if (char.IsAsciiDigit(value[k]))
            {
                length++;
            }
            else if (value[k] == ' ' && length > 0 && g < 5 && k + 1 < value.Length && char.IsAsciiDigit(value[k + 1]))
            {
                groups[g++] = length;
                length = 0;
            }
            else
            {
                break;
            }
        }

        groups[g++] = length;
        var shape = groups[..g];
        return shape is [3, 2, 2, 2] or [2, 2, 2, 2, 2];
    }

    // Ids every tutorial and validator shows (Italy's Mario Rossi): no one's.
    private static readonly string[] DocumentedDummies = ["RSSMRA80A01H501U"];

    internal static bool DocumentedDummy(ReadOnlySpan<char> token) => OneOf(token, DocumentedDummies);

    private static bool DummyAfter(ReadOnlySpan<char> window)
    {
        foreach (var dummy in DocumentedDummies)
        {
            if (window.Contains(dummy, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
