namespace Majordomo.Classification;

/// <summary>
/// Look-alikes of the probe <c>sensitive-lookalikes-38</c> (docs/CLASSIFIER.md "Probe 38 read by category"): Home Assistant's
/// <c>!secret name</c> reference in a password's place; a school slogan's possessive ("Tu contraseña es tuya", "my password is
/// mine"); a helpdesk prompt's tool name beside the noun ("reset passwords (tool: idm_reset)"); a tax form's number asked by its first
/// digits ("the code for the tax form …, the one that starts with 1099").
/// </summary>
internal static partial class SecretPhrases
{
    // Possessive pronouns standing for the password itself: the slogan's point, no value.
    private static readonly string[] SloganPossessives =
    [
        "mine", "yours", "tuya", "tuyo", "mía", "mío", "suya", "suyo", "tienne", "tien", "mienne", "mien", "sienne", "tua", "tuo", "mia", "mio",
        "sua", "teu", "minha", "deins", "deines", "deine", "meins", "meines", "jouw", "van jou", "твой", "твоя", "твоё", "tiens",
    ];

    // Form words before a number asked by its first digits.
    private static readonly string[] FormWords = ["form", "formulario", "formular", "formulaire", "modulo", "modello", "formulário"];

    /// <summary>The guards of this file for the noun at <paramref name="at"/> ending at <paramref name="end"/> (after '!' the noun is YAML's <c>!secret</c> tag).</summary>
    private static bool VoiceHomeNotValue(ReadOnlySpan<char> text, int at, int end, Want want) =>
        (at > 0 && text[at - 1] == '!') || (want is Want.Word or Want.Access && (SecretReference(text, end) || PossessiveValue(text, end) || ToolNameAfter(text, end)))
        || FormNumberByStart(text, at, end);

    // "password: '!secret mqtt_pass'", "api_password: !secret ha_api": a reference into secrets.yaml.
    private static bool SecretReference(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 24)].TrimStart(" \t:='\"");
        return rest.StartsWith("!secret", StringComparison.Ordinal);
    }

    // "es tuya", "ist deins", "is mine": a copula, then a possessive ending the clause.
    private static bool PossessiveValue(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 24)].TrimStart(" \t");
        var space = rest.IndexOf(' ');
        if (space <= 0 || !SpokenCopulas.Contains(rest[..space]))
        {
            return false;
        }

        var value = rest[(space + 1)..].TrimStart(' ');
        var length = 0;
        while (length < value.Length && char.IsLetter(value[length]))
        {
            length++;
        }

        return length > 0 && OneOf(value[..length], SloganPossessives) && (length == value.Length || !char.IsLetterOrDigit(value[length]));
    }

    // "reset passwords (tool: idm_reset)": a bracket naming the tool that handles them, a snake-case name with no digit.
    private static bool ToolNameAfter(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 48)].TrimStart(' ');
        if (rest.IsEmpty || rest[0] != '(')
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        foreach (var label in (ReadOnlySpan<string>)["tool:", "tools:", "function:", "via "])
        {
            if (rest.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[label.Length..].TrimStart(' ');
                break;
            }
        }

        var length = rest.IndexOfAnyExcept(LowerIdentifier);
        var name = length < 0 ? rest : rest[..length];
        return name.Length >= 3 && name.IndexOf('_') > 0 && length > 0 && rest[length] is ')' or ',';
    }

    // "the code for the tax form my accountant sent, the one that starts with 1099": a form named, the digits its start.
    private static bool FormNumberByStart(ReadOnlySpan<char> text, int at, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 100)];
        var digit = rest.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var before = rest[..digit].TrimEnd(" \t'\"");
        var starts = false;
        foreach (var cue in (ReadOnlySpan<string>)["starts with", "begins with", "starting with", "empieza por", "empieza con", "commence par", "fängt mit", "beginnt mit", "inizia con", "começa com"])
        {
            starts |= before.EndsWith(cue, StringComparison.OrdinalIgnoreCase);
        }

        return starts && WordIn(text[Math.Max(0, at - 60)..(end + digit)], FormWords);
    }

    // Words that call the codes after them weak: a generator's or a policy's examples, not anyone's code.
    private static readonly string[] WeakWords =
    [
        "obvious", "weak", "trivial", "reject", "rejects", "refuse", "refuses", "avoid", "banned", "blacklist", "blocklist", "obvios", "obvias",
        "débiles", "debiles", "descarte", "descartar", "rechace", "rechazar", "évidents", "évidentes", "faibles", "rejette", "rejeter",
        "offensichtliche", "schwache", "ablehnen", "verbieten", "ovvi", "ovvie", "deboli", "scarti", "scartare", "rifiuti", "óbvios", "fracos",
    ];

    /// <summary>
    /// Four to eight digits at <paramref name="start"/> in a trivial pattern (one digit repeated, a straight run up or down, two
    /// digits alternating) after a word that calls codes weak or rejected in the window before it.
    /// </summary>
    private static bool TrivialCodeCalledWeak(ReadOnlySpan<char> window, int start, int end)
    {
        var run = window[start..end];
        if (run.Length is < 4 or > 8 || run.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        // One digit repeated or counting up (RepeatedOrCountingUp), counting down (the reversed run counting up), or two digits taking turns.
        Span<char> reversed = stackalloc char[run.Length];
        run.CopyTo(reversed);
        reversed.Reverse();
        var alternating = run[2..].SequenceEqual(run[..^2]);
        return (RepeatedOrCountingUp(run, fromZeroOrOne: false) || RepeatedOrCountingUp(reversed, fromZeroOrOne: false) || alternating || run is "2580" or "0852")
            && WordIn(window[..start], WeakWords);
    }

    /// <summary>
    /// The text before a four-digit year ends with a range's joining word and the range's start year after "from" or "between"
    /// ("from 1950 to", "zwischen 1960 und", "de 1950 a"): the year ends the range.
    /// </summary>
    private static bool YearRangeEnd(ReadOnlySpan<char> before)
    {
        var space = before.LastIndexOf(' ');
        var join = before[(space + 1)..];
        if (space < 5 || !OneOf(join, ["to", "and", "until", "bis", "und", "a", "al", "à", "et", "e", "y", "tot", "до"]))
        {
            return false;
        }

        var start = before[..space].TrimEnd();
        if (start.Length < 4 || start[^4..].IndexOfAnyExceptInRange('0', '9') >= 0 || start[^4] is not ('1' or '2') || (start.Length > 4 && char.IsLetterOrDigit(start[^5])))
        {
            return false;
        }

        var opener = start[..^4].TrimEnd();
        var word = opener[(opener.LastIndexOf(' ') + 1)..];
        return OneOf(word, ["from", "between", "von", "zwischen", "de", "desde", "entre", "dal", "tra", "fra", "van", "tussen", "с", "от"]);
    }

    /// <summary>
    /// "please keep it at 68-72": two two-digit numbers, the first below the second, after "at", "between" or "around" — a setting's
    /// range (a thermostat's, a humidity's), not a code.
    /// </summary>
    private static bool SettingRange(ReadOnlySpan<char> window, int start, int end)
    {
        var run = window[start..end];
        if (run.Length != 5 || run[2] != '-' || !char.IsAsciiDigit(run[0]) || !char.IsAsciiDigit(run[1]) || !char.IsAsciiDigit(run[3]) || !char.IsAsciiDigit(run[4])
            || run[..2].SequenceCompareTo(run[3..]) >= 0)
        {
            return false;
        }

        var before = window[..start].TrimEnd();
        var word = before[(before.LastIndexOf(' ') + 1)..];
        return OneOf(word, ["at", "between", "around", "bei", "zwischen", "entre", "à", "a", "tra", "fra", "tussen", "op"]);
    }
}
