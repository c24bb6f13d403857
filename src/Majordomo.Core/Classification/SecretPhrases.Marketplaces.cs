namespace Majordomo.Classification;

/// <summary>
/// Marketplaces, person-to-person payments and a shop's till, after the blind probe <c>sensitive-lookalikes-44</c>
/// (docs/CLASSIFIER.md, "Probe 44 read by category"): a code asked for and handed over in the next sentence ("… pediu o código de
/// entrega. Ele mandou no chat: 4812", "Podałem: 418 275", "Ich hab ihm 447 120 vorgelesen"), in groups of three too. Not values: a
/// Kenyan company's KRA PIN printed on its receipt (a P and nine digits and a letter; a person's starts with an A).
/// </summary>
internal static partial class SecretPhrases
{
    // Verbs of handing a code over that open the sentence after its noun ("Eu mandei no chat: 7315", "Podałam: 902 614", "Le di: 4072").
    private static string[] HandedVerbs =>
    [
        "mandei", "mandou", "passei", "passou", "enviei", "enviou", "podałem", "podałam", "podał", "podała", "wysłałem", "wysłałam",
        "le di", "le pasé", "le mandé", "le envié", "stuurde", "gaf", "read out", "sent",
        // "I read him 735 918 off my phone", "gave her 4410" (the pronoun is a filler: TypedFillers).
        "read", "gave", "told",
        // Probe 51: Indonesian ("Saya kasih: 5520 1193 08", "sudah kirim").
        "saya kasih", "saya kirim", "saya sudah kirim", "sudah kirim", "sudah saya kasih", "kasih", "kirim",
    ];

    // German participles that close the sentence after a handed code ("Ich habe ihm 583 207 vorgelesen").
    private static readonly string[] HandedParticiples = ["vorgelesen", "durchgegeben", "gegeben", "genannt", "gesagt", "geschickt", "eingegeben", "diktiert"];

    // Words before a number that make it a time, a date or an amount, not a code ("Ich hab ihm um 1430 gesagt").
    private static readonly string[] TimeWords = ["um", "bis", "ab", "gegen", "seit", "für", "am", "nach", "von"];

    /// <summary>
    /// The value after a verb of handing over: past a short phrase up to a colon ("no chat: 4812", "pra ela: 2290"), a PIN's digits
    /// or a six-digit code in two groups of three ("418 275").
    /// </summary>
    private static bool HandedValue(ReadOnlySpan<char> value)
    {
        var colon = value[..Math.Min(value.Length, 16)].IndexOf(':');
        if (colon >= 0 && value[..colon].IndexOfAnyInRange('0', '9') < 0 && value[..colon].IndexOfAny(".?!\n") < 0)
        {
            value = value[(colon + 1)..].TrimStart(" \t");
        }

        return PinValue(value) || GroupedCode(value) || GroupedDigits(value);
    }

    // "418 275": six digits in two groups of three, not the start of a longer number, then the sentence's end or a conjunction.
    private static bool GroupedCode(ReadOnlySpan<char> value)
    {
        if (value.Length < 7 || value[..3].IndexOfAnyExceptInRange('0', '9') >= 0 || value[3] != ' ' || value[4..7].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var tail = value[7..];
        if (!tail.IsEmpty && (char.IsAsciiDigit(tail[0]) || (tail.Length > 1 && tail[0] is ' ' or '-' or '.' && char.IsAsciiDigit(tail[1]))))
        {
            return false;
        }

        tail = tail.TrimStart(" \t");
        // "I read him 735 918 off my phone": where it was read from (probe 44's twins).
        return tail.IsEmpty || !char.IsLetterOrDigit(tail[0]) || StartsWithConjunction(tail) || tail.StartsWith("off ", StringComparison.OrdinalIgnoreCase)
            || tail.StartsWith("from ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A German sentence whose code stands before the participle that closes it ("Ich habe ihm 583 207 vorgelesen"): in the first
    /// 48 characters, a participle of handing over with four to eight digits (one space allowed) right before it, not after a word of
    /// time ("um 1430 gesagt") and not a year.
    /// </summary>
    private static bool CodeBeforeParticiple(ReadOnlySpan<char> next)
    {
        var head = next[..Math.Min(next.Length, 48)];
        foreach (var participle in HandedParticiples)
        {
            var hit = head.IndexOf(participle, StringComparison.OrdinalIgnoreCase);
            if (hit < 2 || char.IsLetter(head[hit - 1]) || (hit + participle.Length < next.Length && char.IsLetter(next[hit + participle.Length])))
            {
                continue;
            }

            var before = head[..hit].TrimEnd(" \t");
            var start = before.Length;
            var spaces = 0;
            while (start > 0 && (char.IsAsciiDigit(before[start - 1]) || (before[start - 1] == ' ' && spaces++ == 0 && start > 1 && char.IsAsciiDigit(before[start - 2]))))
            {
                start--;
            }

            var number = before[start..];
            var digits = number.Length - spaces;
            if (start > 0 && char.IsLetterOrDigit(before[start - 1]) || digits is < 4 or > 8 || number.IndexOf(' ') is 0
                || (digits == 4 && number[0] is '1' or '2' && number[1] is '9' or '0'))
            {
                continue;
            }

            var word = before[..start].TrimEnd(" \t");
            var space = word.LastIndexOfAny(' ', '\t');
            if (!OneOf(word[(space + 1)..], TimeWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A Kenyan company's KRA PIN after "PIN" ("NAIVAS LTD · PIN P051098377Q", "PIN No. P000611234X"): a P, nine digits and a letter.
    /// A person's PIN starts with an A and stays a tax id.
    /// </summary>
    private static bool CompanyKraPin(ReadOnlySpan<char> text, int end)
    {
        if (CompanyKraPinAt(text, end))
        {
            return true;
        }

        // "the supplier's name and PIN from this invoice: '… Ltd, PIN No. P000611234X'": the field named before the document holding it.
        var after = text[end..Math.Min(text.Length, end + 100)];
        var next = after.IndexOf("PIN", StringComparison.Ordinal);
        return next > 0 && !after[..next].ContainsAnyInRange('0', '9') && !char.IsLetter(after[next - 1]) && CompanyKraPinAt(text, end + next + 3);
    }

    private static bool CompanyKraPinAt(ReadOnlySpan<char> text, int end)
    {
        var value = text[end..Math.Min(text.Length, end + 24)].TrimStart(" \t:#.");
        if (value.StartsWith("no.", StringComparison.OrdinalIgnoreCase) || value.StartsWith("no ", StringComparison.OrdinalIgnoreCase))
        {
            value = value[3..].TrimStart(" \t:");
        }

        return value.Length >= 11 && value[0] is 'P' && value[1..10].IndexOfAnyExceptInRange('0', '9') < 0 && char.IsAsciiLetterUpper(value[10])
            && (value.Length == 11 || !char.IsLetterOrDigit(value[11]));
    }
}
