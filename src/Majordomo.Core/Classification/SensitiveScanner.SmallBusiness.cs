namespace Majordomo.Classification;

/// <summary>
/// Small businesses, shops and freelancers (after the probe <c>sensitive-lookalikes-55</c>, docs/CLASSIFIER.md "Probe 55 read by
/// category"): an IBAN grouped by its national fields ("IT 60 X 05428 11101 000000123456"), an account's digits in pairs beside a
/// branch's code; and the numbers a shop prints or tells that are no one's secret — a card terminal's merchant and terminal numbers, a
/// company's tax number by its shape (a ten-digit ИНН, Hungary's 8-1-2 adószám) or by the organisation named at its label, a payment
/// alias after its app's name, a public storefront's token and a marketplace's merchant token.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// The digit run at <paramref name="start"/> follows a country's two capitals and a space: the IBAN read with a space anywhere
    /// (its national fields, "IT 60 X 05428 11101 …", "FR14 20041 01005 …"), of its country's exact length and shape, check digits holding.
    /// </summary>
    private static bool FieldGroupedIban(ReadOnlySpan<char> text, int start)
    {
        if (start < 3 || text[start - 1] != ' ' || !char.IsAsciiLetterUpper(text[start - 2]) || !char.IsAsciiLetterUpper(text[start - 3])
            || (start > 3 && char.IsLetterOrDigit(text[start - 4])))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[34];
        buffer[0] = text[start - 3];
        buffer[1] = text[start - 2];
        var n = 2;
        for (var i = start; i < text.Length && n < 34; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                buffer[n++] = c;
                if (n >= 15 && CountryShapedIban(buffer[..n]) && buffer[2..4] is not "00" && Mod97(buffer[..n]) == 1
                    && (i + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 1])))
                {
                    return true;
                }
            }
            else if (c != ' ' || i + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A branch's code (a sort code's dd-dd-dd, a BSB's ddd-ddd, OCR's O for 0) after its noun ending at <paramref name="end"/>, and on
    /// the same line an account's noun followed by six to ten digits in groups ("Acc No: 41 88 27", "full account 31 88 42 71").
    /// </summary>
    internal static bool AccountBesideBranch(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 24)].TrimStart(" :#.-");
        if (BranchCodeLength(after) == 0)
        {
            return false;
        }

        var from = Math.Max(0, at - 120);
        var line = text[from..Math.Min(text.Length, end + 120)];
        var lineStart = line[..(at - from)].LastIndexOfAny('\n', '\r') + 1;
        var lineStop = line[(at - from)..].IndexOfAny('\n', '\r');
        line = line[lineStart..(lineStop < 0 ? line.Length : at - from + lineStop)];
        foreach (var noun in SmallBusinessAccountNouns)
        {
            foreach (var hit in SecretPhrases.Occurrences(line, noun))
            {
                if ((hit == 0 || !char.IsLetter(line[hit - 1])) && AccountDigits(line[(hit + noun.Length)..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] SmallBusinessAccountNouns = ["account", "acct", "acc no", "acc. no", "acc:", "a/c"];

    private static readonly string[] AccountNumberWords = ["no", "number", "is"];

    // A branch's code at the start of <paramref name="s"/>: two-two-two or three-three digits joined by dashes (O read as 0).
    private static int BranchCodeLength(ReadOnlySpan<char> s)
    {
        var groups = 0;
        var digits = 0;
        var i = 0;
        while (i < s.Length && groups < 3)
        {
            var run = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is 'O' or 'o'))
            {
                run++;
                i++;
            }

            if (run is < 2 or > 3)
            {
                break;
            }

            groups++;
            digits += run;
            if (i >= s.Length || s[i] != '-')
            {
                break;
            }

            i++;
        }

        return (groups == 3 && digits == 6) || (groups == 2 && digits == 6) ? i : 0;
    }

    // After an account's noun (and its "No", a colon or "is"), six to ten digits in groups of two to four (O read as 0), not a tail.
    private static bool AccountDigits(ReadOnlySpan<char> s)
    {
        var rest = s.TrimStart(" .:#");
        foreach (var word in AccountNumberWords)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && rest.Length > word.Length && !char.IsLetter(rest[word.Length]))
            {
                rest = rest[word.Length..].TrimStart(" .:#");
            }
        }

        var digits = 0;
        var i = 0;
        while (i < rest.Length)
        {
            var run = 0;
            while (i < rest.Length && (char.IsAsciiDigit(rest[i]) || (run > 0 && rest[i] is 'O' or 'o')))
            {
                run++;
                i++;
            }

            if (run == 0 || run > 10)
            {
                break;
            }

            digits += run;
            if (i + 1 >= rest.Length || rest[i] != ' ' || !char.IsAsciiDigit(rest[i + 1]))
            {
                break;
            }

            i++;
        }

        // A form's placeholder counts up ("Account: 12345678"; train T80078).
        return digits is >= 6 and <= 10 && (i == rest.Length || !char.IsLetter(rest[i])) && !AccountCountsUp(rest[..i]);
    }

    // The digits of <paramref name="s"/> (spaces skipped) each one more than the one before.
    private static bool AccountCountsUp(ReadOnlySpan<char> s)
    {
        var previous = -1;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (previous >= 0 && c - '0' != previous + 1)
            {
                return false;
            }

            previous = c - '0';
        }

        return true;
    }

    /// <summary>
    /// A card terminal's merchant or terminal number, or a merchant's contract with its acquirer, is named in the 200 characters before
    /// <paramref name="end"/> (on its line) and no bank account's word is: the numbers there are the terminal's (docs/LABELLING.md).
    /// </summary>
    internal static bool MerchantNumbersNamed(ReadOnlySpan<char> text, int end)
    {
        var before = text[Math.Max(0, end - 200)..end];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var after = text[end..Math.Min(text.Length, end + 40)];
        var stop = after.IndexOfAny('\n', '\r');
        after = stop >= 0 ? after[..stop] : after;
        var named = SecretPhrases.ContainsAny(before, SmallBusinessMerchantNouns) || CapitalsWord(before, SmallBusinessMerchantCapitals)
            || SecretPhrases.ContainsAny(after, SmallBusinessMerchantNouns) || CapitalsWord(after, SmallBusinessMerchantCapitals);
        return named && !SecretPhrases.ContainsAny(before, SmallBusinessBankWords) && !SecretPhrases.ContainsAny(after, SmallBusinessBankWords)
            && !SecretPhrases.ContainsAny(before, SmallBusinessResetWords);
    }

    private static readonly string[] SmallBusinessMerchantNouns =
    [
        "commerçant", "commercant", "contrat vad", "contrat monétique", "número de comercio", "numero de comercio", "esercente",
        "merchant id", "merchant number", "merchant no", "händlernummer", "händler-nr", "terminal-id", "terminal id", "terminalnummer",
        "numéro de contrat",
    ];

    // Capitals read as a terminal's only with no other meaning near (a Philippine Pag-IBIG "MID" is a member's id: train T42008).
    private static readonly string[] SmallBusinessMerchantCapitals = ["TID", "TPE"];

    // An admin's code reset or handed out beside the terminal is a password in use ("le compte admin du TPE a été réinitialisé, nouveau
    // code commerçant 739215": dev D22292).
    private static readonly string[] SmallBusinessResetWords =
        ["admin", "réinitialisé", "réinitialisée", "reset", "nouveau code", "new code", "zurückgesetzt", "restablecido", "resettato", "password", "mot de passe"];

    private static readonly string[] SmallBusinessBankWords =
        ["iban", "rib", "compte bancaire", "cuenta", "account", "konto", "conto corrente", "rekening", "tarjeta", "card", "carte", "karte"];

    // One of <paramref name="words"/> in its capitals as a whole word.
    private static bool CapitalsWord(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (SecretPhrases.WholeWordIn(text, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The key's noun at <paramref name="at"/> is a public storefront's ("X-Shopify-Storefront-Access-Token", "Storefront API token")
    /// or a marketplace's merchant or seller token ("my merchant token is A2X9…"): made to be seen by every buyer (docs/LABELLING.md).
    /// </summary>
    internal static bool StorefrontOrMerchantToken(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 40)..at];
        if (before.Contains("storefront", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var word = before.TrimEnd(" -_");
        return word.EndsWith("merchant", StringComparison.OrdinalIgnoreCase) || word.EndsWith("seller", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The digit run at <paramref name="start"/> is a shop's public number — a payment alias, a company's tax number, a terminal's — or a
    /// safe's factory default dialled digit by digit ("ab Werk den Code 0-0-0-0").
    /// </summary>
    private static bool SmallBusinessNumber(ReadOnlySpan<char> text, int start) =>
        PaymentAliasNumber(text, start) || OrganisationTaxNumber(text, start) || (DigitRunLength(text, start) <= 12 && MerchantNumbersNamed(text, start))
        || SecretPhrases.FactoryDefaultAt(text, start);

    /// <summary>A payment alias's app named in the 24 characters after a number's noun ending at <paramref name="end"/> ("número de Bizum 688 …").</summary>
    internal static bool PaymentAliasAfter(ReadOnlySpan<char> text, int end) =>
        SecretPhrases.ContainsAny(text[end..Math.Min(text.Length, end + 24)], PaymentAliasApps);

    // A payment alias's app right before a phone-shaped number ("Bizum al 622 418 907", "Swish 123 418 2260"): public by intent.
    private static bool PaymentAliasNumber(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 16)..start];
        return SecretPhrases.ContainsAny(before, PaymentAliasApps);
    }

    private static readonly string[] PaymentAliasApps = ["bizum", "swish", "mobilepay", "vipps", "twint", "paynow", "venmo", "cash app"];

    private static int DigitRunLength(ReadOnlySpan<char> text, int start)
    {
        var run = text[start..].IndexOfAnyExceptInRange('0', '9');
        return run < 0 ? text.Length - start : run;
    }

    /// <summary>
    /// The digit run at <paramref name="start"/> is a company's tax number: ten digits after "ИНН" in its sentence (a person's has
    /// twelve), Hungary's adószám in its 8-1-2 groups (a person's adóazonosító jel is ten digits), or a Greek ΑΦΜ whose label names an
    /// office, a company or a supplier and no "my" (docs/LABELLING.md, an organisation's register and tax numbers).
    /// </summary>
    private static bool OrganisationTaxNumber(ReadOnlySpan<char> text, int start)
    {
        var run = DigitRunLength(text, start);
        var before = text[Math.Max(0, start - 90)..start];
        var sentence = before[(before.LastIndexOfAny(".!\n") + 1)..];
        if (run == 10 && (sentence.Contains("инн", StringComparison.OrdinalIgnoreCase) || sentence.Contains("inn ", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (run == 8 && start + 13 <= text.Length && text[start + 8] == '-' && char.IsAsciiDigit(text[start + 9]) && text[start + 10] == '-'
            && char.IsAsciiDigit(text[start + 11]) && char.IsAsciiDigit(text[start + 12]) && (start + 13 == text.Length || !char.IsAsciiDigit(text[start + 13])))
        {
            return !before.Contains("adószámom", StringComparison.OrdinalIgnoreCase);
        }

        return before.Contains("αφμ", StringComparison.OrdinalIgnoreCase) && SecretPhrases.WordIn(before, OrganisationWords) && !SecretPhrases.WholeWordIn(before, "μου");
    }

    // An organisation's nouns in Greek and the other languages whose tax label the corpus reads: the office's, the company's, the supplier's.
    private static readonly string[] OrganisationWords =
        ["εταιρ", "γραφεί", "επιχείρησ", "προμηθευτ", "λογιστικ", "οργανισμ", "company", "supplier", "firm"];

    /// <summary>The value after a tax number's noun (from <paramref name="at"/> to <paramref name="end"/>) is a company's (<see cref="OrganisationTaxNumber"/>).</summary>
    internal static bool OrganisationTaxAfter(ReadOnlySpan<char> text, int at, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 90)];
        var digit = window.IndexOfAnyInRange('0', '9');
        return digit >= 0 && (digit == 0 || !char.IsAsciiDigit(window[digit - 1])) && OrganisationTaxNumber(text, end + digit)
            && (text[at..end].Contains("инн", StringComparison.OrdinalIgnoreCase) || text[at..end].Contains("αφμ", StringComparison.OrdinalIgnoreCase)
                || text[at..end].Contains("adószám", StringComparison.OrdinalIgnoreCase));
    }
}
