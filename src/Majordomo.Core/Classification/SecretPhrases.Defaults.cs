namespace Majordomo.Classification;

/// <summary>
/// Values everyone is shown, after the train file <c>sensitive-categories-19</c> (probe 17's categories, docs/CLASSIFIER.md "Probe
/// 17's categories landed"): a safe's or a lock's factory default ("steht 'Werkseinstellung 0000'", "default 000000": a default cue
/// and nothing but a trivial code — one digit repeated or counting up — in the noun's sentence; a sticker's random default stays a
/// secret), and an example labelled as such before a password-shaped token ("Example: Lantern-Otter-Basil-47").
/// </summary>
internal static partial class SecretPhrases
{
    // Words naming a factory or default setting, in the corpus languages.
    private static readonly string[] DefaultCues =
    [
        "default", "factory", "out of the box", "ships set to", "ships with", "shipped with", "comes set to", "werkseinstellung", "werkseitig", "werks-", "ab werk", "auslieferung", "voreingestellt", "standardcode",
        "par défaut", "d'usine", "por defecto", "predeterminad", "de fábrica", "padrão", "predefinit", "di fabbrica", "fabrieksinstelling",
        "standaardcode", "domyśln", "fabryczn", "по умолчанию", "заводск", "varsayılan", "fabrika", "fabriksinställ", "默认", "出厂", "初期設定",
        "初期値", "工場出荷", "デフォルト", "초기값", "기본값", "공장",
    ];

    /// <summary>
    /// Whether the noun ending at <paramref name="end"/> is followed by a factory default: a default cue between 40 characters before the
    /// noun and its sentence's end, and every run of digits there trivial (0000, 1111, 1234, 123456).
    /// </summary>
    private static bool FactoryDefault(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 80)];
        after = after[..SentenceEnd(after)];
        var runs = 0;
        Span<char> dialled = stackalloc char[8];
        for (var i = 0; i < after.Length; i++)
        {
            if (!char.IsAsciiDigit(after[i]))
            {
                continue;
            }

            var run = after[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? after.Length - i : run;
            // A safe's code dialled digit by digit ("1-2-3-4"): the digits joined are the code (probe 55).
            if (run == 1 && DialledDigits(after[i..], dialled, out var length) is >= 3 and var count)
            {
                if (!TrivialCode(dialled[..count]))
                {
                    return false;
                }

                runs++;
                i += length;
                continue;
            }

            // One or two digits are a size or a count beside the default ("fits a 14-inch laptop", "1.2 kg"), no code (probe 31).
            if (run < 3)
            {
                i += run;
                continue;
            }

            if (!TrivialCode(after.Slice(i, run)))
            {
                return false;
            }

            runs++;
            i += run;
        }

        if (runs == 0)
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 40)..(end + after.Length)];
        // "still set to 0000", "the installer's default we never changed": the default is the code in use (docs/LABELLING.md, a weak
        // code someone really uses; probe 48).
        if (ContainsAny(sentence, StillInUseWords))
        {
            return false;
        }

        foreach (var cue in DefaultCues)
        {
            if (sentence.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] StillInUseWords =
    [
        "still", "never changed", "never been changed", "nog steeds", "nog altijd", "immer noch", "noch immer", "nie geändert", "toujours", "jamais changé",
        "ancora", "mai cambiato", "todavía", "aún", "nunca cambiamos", "ainda", "nunca mudamos", "wciąż", "nadal", "hâlâ", "fortfarande", "всё ещё", "до сих пор",
    ];

    /// <summary>The digits at <paramref name="start"/> are a factory default (<see cref="FactoryDefault"/>, its cue in the 40 characters before).</summary>
    internal static bool FactoryDefaultAt(ReadOnlySpan<char> text, int start) => FactoryDefault(text, start, start);

    // Single digits joined by one dash or space ("1-2-3-4"), up to eight: how many were read into <paramref name="digits"/>.
    private static int DialledDigits(ReadOnlySpan<char> s, Span<char> digits, out int length)
    {
        var count = 0;
        length = 0;
        while (length < s.Length && count < digits.Length && char.IsAsciiDigit(s[length]) && (length + 1 == s.Length || !char.IsAsciiDigit(s[length + 1])))
        {
            digits[count++] = s[length++];
            if (length + 1 >= s.Length || s[length] is not ('-' or ' ') || !char.IsAsciiDigit(s[length + 1]))
            {
                break;
            }

            length++;
        }

        return count;
    }

    // Three to eight digits, one repeated or counting up by one from 0 or 1: what every unit ships with.
    private static bool TrivialCode(ReadOnlySpan<char> digits)
    {
        if (digits.Length is < 3 or > 8)
        {
            return false;
        }

        if (digits.IndexOfAnyExcept(digits[0]) < 0)
        {
            return true;
        }

        for (var k = 1; k < digits.Length; k++)
        {
            if (digits[k] != digits[k - 1] + 1)
            {
                return false;
            }
        }

        return digits[0] is '0' or '1';
    }

    // An example's label right before a token: "Example:", "Beispiel:", "Exemple :", "例:" — a reply's or a guide's sample.
    private static readonly string[] ExampleLabels =
    [
        "example:", "examples:", "example -", "for example", "for instance", "sample:", "beispiel:", "zum beispiel", "exemple :", "exemple:",
        "ejemplo:", "esempio:", "exemplo:", "voorbeeld:", "przykład:", "пример:", "örnek:", "exempel:", "例えば", "예:", "例子",
    ];

    /// <summary>Whether an example's label stands in the 24 characters before <paramref name="start"/> on its line.</summary>
    internal static bool ExampleLabelled(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        var newline = before.LastIndexOfAny('\n', '\r');
        before = newline >= 0 ? before[(newline + 1)..] : before;
        foreach (var label in ExampleLabels)
        {
            if (before.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lock's code changed from its default to a new one ("we changed the bike shed lock from 0000 to 7305"): "from", a trivial code,
    /// "to" and three to eight digits that are not trivial. The new code is the secret.
    /// </summary>
    private static bool ChangedFromDefault(ReadOnlySpan<char> window)
    {
        var from = window.IndexOf("from ", StringComparison.OrdinalIgnoreCase);
        if (from < 0)
        {
            return false;
        }

        var rest = window[(from + 5)..];
        var old = rest.IndexOfAnyExceptInRange('0', '9');
        if (old < 3 || !TrivialCode(rest[..old]) || !rest[old..].StartsWith(" to ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var next = rest[(old + 4)..];
        var digits = next.IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? next.Length : digits;
        return digits is >= 3 and <= 8 && !TrivialCode(next[..digits]) && (digits == next.Length || !char.IsLetter(next[digits]));
    }
}
