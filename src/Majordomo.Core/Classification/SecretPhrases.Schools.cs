namespace Majordomo.Classification;

/// <summary>
/// School, childcare and family administration (after the probe <c>sensitive-lookalikes-42</c>, docs/CLASSIFIER.md "Probe 42 read by
/// category"): a roster's line names its pupil before the number's noun ("Chiara Bellini — matricola 0001098741"); a temporary
/// password's adjective stands between its noun and the value, as French, Spanish, Italian and Portuguese write it ("mot de passe
/// provisoire Ti7@ruMq"). The pupils', candidates' and pensioners' registry nouns themselves are rows of the dossier tables
/// (SecretPhrases.Dossiers).
/// </summary>
internal static partial class SecretPhrases
{
    // A temporary or first password with its adjective after the noun: the value follows the adjective, with or without a connector.
    private static (string Phrase, Want Want)[] SchoolPhrases() =>
    [
        ("mot de passe provisoire", Want.Word), ("mot de passe temporaire", Want.Word), ("mot de passe initial", Want.Word),
        ("contraseña temporal", Want.Word), ("contraseña provisional", Want.Word), ("contraseña inicial", Want.Word),
        ("password provvisoria", Want.Word), ("password temporanea", Want.Word), ("password iniziale", Want.Word),
        ("senha provisória", Want.Word), ("senha temporária", Want.Word), ("senha inicial", Want.Word),
    ];

    /// <summary>
    /// A first name and a surname end the noun's line before it, past a dash or a cell's bar ("Chiara Bellini — matricola …"): a
    /// roster's line names the person whose number follows. A comma joins a brand and a model as well ("Lavatrice Candy, matricola …").
    /// </summary>
    private static bool NameBeforeNoun(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 80)..at];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var trimmed = before.TrimEnd(" —–|\t");
        return trimmed.Length < before.Length && before[trimmed.Length..].IndexOfAny("—–|") >= 0 && TwoNamesAtEnd(trimmed);
    }

    /// <summary>
    /// HMRC's example National Insurance number (<see cref="SensitiveScanner.ExampleNino"/>) where the context names an example, a test
    /// or a format; typed as one's own ("my national insurance number is QQ 12 34 56 C") it stays the user's (recall first).
    /// </summary>
    internal static bool ExampleNinoIn(ReadOnlySpan<char> value, ReadOnlySpan<char> context) =>
        SensitiveScanner.ExampleNino(value) && ContainsStem(context, PlaceholderWords);

    // The first value within 40 characters after the noun ending at end is HMRC's example, in a sentence about an example or a test.
    private static bool ExampleNinoAfter(ReadOnlySpan<char> text, int at, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        var q = window.IndexOf("QQ", StringComparison.Ordinal);
        return q >= 0 && (q == 0 || !char.IsLetterOrDigit(window[q - 1])) && window[..q].IndexOfAnyInRange('0', '9') < 0
            && ExampleNinoIn(window[q..], text[Math.Max(0, at - 120)..Math.Min(text.Length, end + 200)]);
    }

    /// <summary>
    /// The first number in the window is a parcel station's shelf code, shelf-layer-number ("8-3-2076"): after a CJK noun (取件码) a
    /// day-first date with dashes is no date, as Chinese and Japanese write dates year first or with their characters.
    /// </summary>
    private static bool ShelfCode(ReadOnlySpan<char> window)
    {
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || (digit > 0 && char.IsAsciiLetterOrDigit(window[digit - 1])))
        {
            return false;
        }

        Span<int> lengths = stackalloc int[3];
        var part = 0;
        var i = digit;
        for (; i < window.Length && part < 3; i++)
        {
            if (char.IsAsciiDigit(window[i]))
            {
                lengths[part]++;
            }
            else if (window[i] == '-' && part < 2 && lengths[part] > 0)
            {
                part++;
            }
            else
            {
                break;
            }
        }

        return part == 2 && lengths[0] is 1 or 2 && lengths[1] is 1 or 2 && lengths[2] is 3 or 4 && (i == window.Length || !char.IsAsciiLetterOrDigit(window[i]));
    }

    /// <summary>A clock's time written with an h ("7h30", "8h", "12h05"): opening hours after a gate's noun, not its code.</summary>
    private static bool ClockTime(ReadOnlySpan<char> token)
    {
        var h = token.IndexOf('h');
        return h is 1 or 2 && token[..h].IndexOfAnyExceptInRange('0', '9') < 0 && (token.Length == h + 1 || (token.Length == h + 3 && token[(h + 1)..].IndexOfAnyExceptInRange('0', '9') < 0 && token[h + 1] <= '5'));
    }

    // The units of an age or a span written with a dash after its number ("9-year-old", "6-month", "12-week").
    private static readonly string[] SpanUnits = ["year", "month", "week", "day", "hour", "minute", "jähr", "jahr", "monat"];

    /// <summary>A number, a dash and a unit of time ("9-year-old", "12-month", "8-jährige"): an age or a span, no password.</summary>
    private static bool AgeOrSpan(ReadOnlySpan<char> value)
    {
        var dash = value.IndexOf('-');
        if (dash is < 1 or > 3 || value[..dash].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var unit = value[(dash + 1)..];
        foreach (var name in SpanUnits)
        {
            if (unit.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
