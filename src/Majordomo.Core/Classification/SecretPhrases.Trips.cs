namespace Majordomo.Classification;

/// <summary>
/// Travel and bookings (after the blind probe <c>sensitive-lookalikes-41</c>, docs/CLASSIFIER.md "Probe 41 read by category"). A visa's
/// number is a government's number for one person, like a passport's; an insurance policy's number is read after the insurer's name
/// too ("polizza Europ Assistance n. 4M-771-0039218", "Police bei der ERGO Reiseversicherung Nr. …"). Not values: a loyalty programme's
/// member number (an airline's or a hotel chain's customer number: docs/LABELLING.md, customer numbers), a lost bag's file reference
/// (the airline's case number), Stripe's publishable key named with Stripe however short it is pasted.
/// </summary>
internal static partial class SecretPhrases
{
    // A visa's number by its noun in the corpus languages (read as id nouns: five characters or more, so "visa 2026" is none). A
    // property, not a field: Phrases and IdNouns read it while the partial files' fields initialise.
    private static string[] VisaNouns =>
    [
        "visa number", "visa no", "visa nr", "visumnummer", "visanummer", "visum-nr", "visa-nr", "numéro de visa", "numéro du visa", "número de visado",
        "número de visa", "número do visto", "numero del visto", "numero di visto", "numer wizy", "nr wizy", "визы", "номер визы", "vize numarası",
        "vize no", "签证号", "签证号码", "ビザ番号", "査証番号", "비자 번호", "비자번호",
    ];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] VisaPhrases() => [.. VisaNouns.Select(noun => (noun, Want.Digits))];

    // What marks a number after a policy's noun and the insurer's name: "n.", "nº", "Nr.", "no.", "#", "number".
    private static readonly string[] NumberMarks = ["n.", "n°", "nº", "n.º", "nr", "nr.", "no.", "no", "#", "number", "numero", "número", "numéro", "nummer", "numer"];

    // The insurer's words that make French and German "police" an insurance policy (not the police, not a font).
    private static readonly string[] InsurerWords = ["assistance", "assurance", "versicherung", "insurance", "assicurazion", "seguros", "ergo", "axa", "allianz", "generali", "mapfre"];

    /// <summary>
    /// A policy's noun at <paramref name="at"/>, then in its sentence up to four words (the insurer's name: "Europ Assistance", "bei der ERGO
    /// Reiseversicherung"), a number's mark ("n.", "Nr.", "nº") and a value of five characters or more with four digits.
    /// </summary>
    private static bool PolicyAfterInsurerAt(ReadOnlySpan<char> text, int at)
    {
        // Check runs at every trigger of every phrase: a policy's noun opens with 'p' or 'a'.
        if (char.ToLowerInvariant(text[at]) is not ('p' or 'a') || text.Length - at < 7)
        {
            return false;
        }

        var rest = text[at..];
        int noun;
        if (rest.StartsWith("police", StringComparison.OrdinalIgnoreCase))
        {
            noun = 6;
        }
        else if (rest.StartsWith("polizza", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("polisa", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("póliza", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("poliza", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("apólice", StringComparison.OrdinalIgnoreCase))
        {
            noun = rest[6] is 'a' or 'e' or 'A' or 'E' ? 7 : 6;
        }
        else
        {
            return false;
        }

        if (at > 0 && char.IsLetter(text[at - 1]))
        {
            return false;
        }

        var window = rest[noun..Math.Min(rest.Length, noun + 64)];
        var stop = window.IndexOfAny("\n\r?!;");
        window = stop >= 0 ? window[..stop] : window;
        var mark = MarkAfterWords(window, out var valueAt);
        // "police" is a policy only with an insurer's word between it and the mark.
        return mark >= 0 && (noun != 6 || !rest.StartsWith("police", StringComparison.OrdinalIgnoreCase) || StemIn(window[..mark], InsurerWords))
            && MarkedValue(window[valueAt..]);
    }

    /// <summary>
    /// Where a number's mark ("n.", "Nr.", "nº") stands in <paramref name="window"/> after up to five words (an insurer's name, a
    /// contract's kind), or -1 when a value or a sentence's end comes first; <paramref name="valueAt"/> is where the value may start.
    /// </summary>
    private static int MarkAfterWords(ReadOnlySpan<char> window, out int valueAt)
    {
        valueAt = -1;
        var words = 0;
        var k = 0;
        while (k < window.Length && words <= 5)
        {
            while (k < window.Length && window[k] is ' ' or '\t' or ',' or '(' or ')')
            {
                k++;
            }

            var start = k;
            while (k < window.Length && window[k] is not (' ' or '\t' or ',' or '(' or ')'))
            {
                k++;
            }

            var word = window[start..k];
            if (word.IsEmpty)
            {
                break;
            }

            if (OneOf(word.TrimEnd(':'), NumberMarks))
            {
                valueAt = k;
                return start;
            }

            if (word.ContainsAnyInRange('0', '9') || word[^1] == '.' && word.Length > 3)
            {
                return -1; // a value or a sentence's end before any mark
            }

            words++;
        }

        return -1;
    }

    // The first token after the mark: five characters or more, four digits at least, not a date or a year.
    private static bool MarkedValue(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(" \t:");
        var length = 0;
        while (length < after.Length && (char.IsAsciiLetterOrDigit(after[length]) || after[length] is '-' or '/' or '.'))
        {
            length++;
        }

        var value = after[..length].TrimEnd('.');
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return value.Length >= 5 && digits >= 4 && !Date(value) && !DummyValue(value);
    }

    // A loyalty programme's words and its best-known names: its member number is that airline's or hotel chain's customer number.
    private static readonly string[] LoyaltyNouns =
    [
        "frequent flyer", "frequent flier", "flyer", "flier", "loyalty", "miles&more", "miles & more", "miles and more", "flying blue",
        "iberia plus", "avios", "executive club", "skywards", "krisflyer", "aadvantage", "skymiles", "mileageplus", "bonvoy", "hilton honors",
        "vielflieger", "fidélité", "fidelidad", "fidelidade", "fedeltà", "volare", "millemiglia", "lojalnościow", "sadakat", "mileage",
    ];

    // A lost bag's words: the bag and the airline's report on it.
    private static readonly string[] BagWords =
    [
        "bag", "bags", "luggage", "baggage", "suitcase", "bagaj", "valiz", "koffer", "gepäck", "equipaje", "maleta", "bagagem", "mala", "bagaglio",
        "valigia", "bagage", "valise", "bagaż", "walizk", "багаж", "чемодан",
    ];

    // The file's nouns: a report's, a case's or a file's reference (the airline's PIR).
    private static readonly string[] FileNouns =
    [
        "file", "dosya", "expediente", "vorgang", "vorgangs", "dossier", "pratica", "referenc", "référence", "pir", "report", "case", "sprawy", "zgłoszenia",
    ];

    /// <summary>
    /// The "my … number" whose noun spans <paramref name="at"/>..<paramref name="end"/> is a loyalty programme's member number, or a lost
    /// bag's file with the airline (a file's noun before, inside or after the number's noun, a bag's word in the sentence): a
    /// company's number for its customer, not an id.
    /// </summary>
    private static bool TripNumberNamed(ReadOnlySpan<char> text, int at, int end)
    {
        NounSurroundings(text, at, end, 24, out var before, out var after, out var compound);
        if (WordIn(before, LoyaltyNouns) || WordIn(after, LoyaltyNouns))
        {
            return true;
        }

        if (!(WordIn(before, FileNouns) || WordIn(after, FileNouns) || StartsWithAny(compound, FileNouns)))
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 120)..Math.Min(text.Length, end + 60)];
        return WordIn(sentence, BagWords);
    }

    /// <summary>The first token after the noun ending at <paramref name="end"/> is Stripe's publishable key, Stripe named in its line.</summary>
    private static bool StripePublishableAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 16)].TrimStart(" \t:=\"'`");
        if (!(after.StartsWith("pk_live_", StringComparison.Ordinal) || after.StartsWith("pk_test_", StringComparison.Ordinal)))
        {
            return false;
        }

        var start = end + (text[end..Math.Min(text.Length, end + 16)].Length - after.Length);
        return StripeInLine(text, start);
    }

    // "Stripe" in the line of the value at <paramref name="start"/>, up to 100 characters either side.
    private static bool StripeInLine(ReadOnlySpan<char> text, int start)
    {
        var line = text[Math.Max(0, start - 100)..Math.Min(text.Length, start + 100)];
        var at = start - Math.Max(0, start - 100);
        var lineStart = line[..at].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = line[at..].IndexOfAny('\n', '\r');
        line = line[lineStart..(lineEnd < 0 ? line.Length : at + lineEnd)];
        return line.Contains("stripe", StringComparison.OrdinalIgnoreCase);
    }

    // What a door's, a gate's, an alarm's or a safe's code is named by before or after the code's noun (dots between single digits are
    // such a code only with one of these: "a versão do código é 3.8.1.6" is a version).
    private static readonly string[] AccessWords =
    [
        "door", "gate", "alarm", "safe", "lockbox", "keybox", "key box", "portão", "portao", "portal", "porta", "puerta", "portón", "tür", "tor",
        "alarme", "alarma", "allarme", "cancello", "portone", "drzwi", "brama", "bramy", "domofon", "двери", "дверь", "калитки", "домофон", "kapı", "cofre", "caixa",
        "cajetín", "caja", "tresor", "boîte", "digicode", "porte", "portail", "deur", "poort",
    ];

    /// <summary>
    /// A code's noun (<paramref name="at"/>..<paramref name="end"/>) and, in its sentence within 40 characters, four to eight single
    /// digits joined by commas ("código del portal 4,7,1,9", "door code is 2, 8, 0, 5"), or by dots after a door's, a gate's or an
    /// alarm's code ("código do portão é 3.8.1.6"): a code dictated digit by digit. No other digit before them; not a progression.
    /// </summary>
    private static bool DictatedWithCommas(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 40)];
        var digit = after.IndexOfAnyInRange('0', '9');
        if (digit < 0 || digit + 7 > after.Length || after[..digit].IndexOfAny(".!?\n\r") >= 0 || after[digit + 1] is not (',' or '.'))
        {
            return false;
        }

        var separator = after[digit + 1];
        Span<int> values = stackalloc int[8];
        var count = 0;
        var k = digit;
        while (k < after.Length && count < 8 && char.IsAsciiDigit(after[k]) && (k + 1 == after.Length || !char.IsAsciiDigit(after[k + 1])))
        {
            values[count++] = after[k] - '0';
            k++;
            if (k + 1 < after.Length && after[k] == separator && (char.IsAsciiDigit(after[k + 1]) || (separator == ',' && after[k + 1] == ' ' && k + 2 < after.Length && char.IsAsciiDigit(after[k + 2]))))
            {
                k += after[k + 1] == ' ' ? 2 : 1;
                continue;
            }

            break;
        }

        if (count < 4 || (k < after.Length && char.IsAsciiDigit(after[k])))
        {
            return false;
        }

        var step = values[1] - values[0];
        var steady = step != 0;
        for (var v = 2; v < count; v++)
        {
            steady &= values[v] - values[v - 1] == step;
        }

        if (steady)
        {
            return false;
        }

        return separator == ',' || ContainsAny(text[Math.Max(0, at - 24)..Math.Min(text.Length, end + digit)], AccessWords);
    }

    // One of the stems anywhere in the text (inside a compound too: "Reiseversicherung").
    private static bool StemIn(ReadOnlySpan<char> text, string[] stems)
    {
        foreach (var stem in stems)
        {
            if (text.Contains(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
