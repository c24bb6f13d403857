namespace Majordomo.Classification;

/// <summary>
/// Customer support and finance operations (after the probe <c>sensitive-lookalikes-37</c>, docs/CLASSIFIER.md "Probe 37 read by
/// category"): the numbers a support desk pastes that only look like secrets. A customer number with a shop, a utility or a
/// telecom after "my" (a bank's stays sensitive); a parcel's tracking number in the UPU's S10 shape after a code's noun
/// ("código da encomenda é RA482019378PT"); an account's noun whose number is collected elsewhere, the next list item's order
/// number standing on the line after it.
/// </summary>
internal static partial class SecretPhrases
{
    // The customer's noun before or inside a number's noun ("my customer number", "mon numéro client", "Kundennummer", "müşteri numaram").
    private static readonly string[] CustomerNouns =
    [
        "customer", "client", "cliente", "clienti", "kunden", "kunde", "kund", "klant", "klanten", "müşteri", "klienta", "klienckiego",
        "клиента", "клиентский", "abonado", "abonné", "abbonato", "subscriber", "member", "membership",
    ];

    // The customer's noun in the scripts without spaces ("お客様番号", "顧客番号", "客户号", "고객번호").
    private static readonly string[] CjkCustomerNouns = ["お客様番号", "顧客番号", "会員番号", "客户号", "客户编号", "会员号", "고객번호", "회원번호"];

    // A bank's and an insurer's words in the corpus languages: a bank's customer number is half of its log-in, an insurer's is the
    // insured's number (docs/LABELLING.md); both stay sensitive.
    private static readonly string[] BankCustomerWords =
    [
        "bank", "banking", "sparkasse", "volksbank", "banco", "banque", "bancaire", "banca", "bancario", "bancária", "bancaria", "banc",
        "банк", "bankası", "bankasi", "bankowy", "bankowość", "banken", "银行", "銀行", "은행", "네트뱅킹", "ネットバンキング", "网银",
        "insur", "verzeker", "versicher", "assuran", "assicura", "seguro", "seguradora", "ubezpiecz", "страхов", "sigorta", "försäkr",
        "krankenkasse", "mutuelle", "保険", "保险", "보험",
    ];

    /// <summary>
    /// The "my … number" whose noun spans <paramref name="at"/>..<paramref name="end"/> names a customer's number (before it, inside
    /// its compound or right after it) and no bank's word stands in the sentence: a shop's, a utility's or a telecom's number.
    /// </summary>
    private static bool CustomerNumberNamed(ReadOnlySpan<char> text, int at, int end)
    {
        NounSurroundings(text, at, end, 16, out var before, out var after, out var compound);
        var named = WordIn(before, CustomerNouns) || WordIn(after, CustomerNouns) || StartsWithAny(compound, CustomerNouns)
            || (text[at] >= 0x2E80 && ContainsAny(text[Math.Max(0, at - 8)..end], CjkCustomerNouns));
        if (!named)
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 160)..Math.Min(text.Length, end + 120)];
        return !ContainsStemOf(sentence, BankCustomerWords);
    }

    /// <summary>
    /// Around a number's noun at <paramref name="at"/>..<paramref name="end"/>: its sentence's 40 characters before it, the words after it
    /// up to the first digit (within <paramref name="ahead"/> characters), and the whole compound the noun ends ("Kundennummer").
    /// </summary>
    private static void NounSurroundings(ReadOnlySpan<char> text, int at, int end, int ahead, out ReadOnlySpan<char> before, out ReadOnlySpan<char> after,
        out ReadOnlySpan<char> compound)
    {
        before = text[Math.Max(0, at - 40)..at];
        before = before[(before.LastIndexOfAny(".!?\n") + 1)..];
        after = text[end..Math.Min(text.Length, end + ahead)];
        var digit = after.IndexOfAnyInRange('0', '9');
        after = digit < 0 ? after : after[..digit];
        var from = at;
        while (from > 0 && char.IsLetter(text[from - 1]))
        {
            from--;
        }

        compound = text[from..end];
    }

    /// <summary>Where the last public stem of a run in a script without spaces ends ("お客様が電話口で|カード番号"), or -1.</summary>
    internal static int LastPublicStemEnd(ReadOnlySpan<char> run)
    {
        var last = -1;
        foreach (var stem in PublicNumberStems)
        {
            if (stem[0] < 0x2E80)
            {
                continue;
            }

            var at = run.LastIndexOf(stem, StringComparison.Ordinal);
            last = at >= 0 ? Math.Max(last, at + stem.Length) : last;
        }

        return last;
    }

    // "내 "/"제 " as a word: at the text's start or after a space, a bracket or a quote.
    private static bool KoreanMy(ReadOnlySpan<char> before, string my)
    {
        for (var k = before.IndexOf(my, StringComparison.Ordinal); k >= 0;)
        {
            if (k == 0 || !char.IsLetterOrDigit(before[k - 1]))
            {
                return true;
            }

            var next = before[(k + 1)..].IndexOf(my, StringComparison.Ordinal);
            k = next < 0 ? -1 : k + 1 + next;
        }

        return false;
    }

    internal static bool StartsWithAny(ReadOnlySpan<char> word, ReadOnlySpan<string> stems)
    {
        foreach (var stem in stems)
        {
            if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A stem at a word's start, in any script ("Online-Banking", "Sparkasse", "은행").
    internal static bool ContainsStemOf(ReadOnlySpan<char> text, ReadOnlySpan<string> stems)
    {
        foreach (var stem in stems)
        {
            foreach (var k in Occurrences(text, stem))
            {
                if (stem[0] >= 0x2E80 || k == 0 || !char.IsLetter(text[k - 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The first value within 40 characters after the noun ending at <paramref name="end"/> is a parcel's tracking number in the UPU
    /// S10 shape: two capitals, eight digits and their check digit, a country's two capitals ("RA482019378PT", "LX 204 417 384 GB").
    /// </summary>
    private static bool TrackingNumberAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(window[i]) || (i > 0 && char.IsAsciiLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            if (char.IsAsciiDigit(window[i]))
            {
                return false; // the first value is a number of digits: the noun's own
            }

            if (S10At(window, i))
            {
                return true;
            }
        }

        return false;
    }

    // Two capitals, nine digits (single spaces between groups allowed) whose last is the S10 check, two capitals, then no letter or digit.
    internal static bool S10At(ReadOnlySpan<char> text, int i)
    {
        if (i + 13 > text.Length || !char.IsAsciiLetterUpper(text[i]) || !char.IsAsciiLetterUpper(text[i + 1]))
        {
            return false;
        }

        Span<int> d = stackalloc int[9];
        var n = 0;
        var j = i + 2;
        if (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        while (j < text.Length && n < 9)
        {
            if (char.IsAsciiDigit(text[j]))
            {
                d[n++] = text[j] - '0';
                j++;
            }
            else if (text[j] == ' ' && n > 0 && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        if (n != 9)
        {
            return false;
        }

        if (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        if (j + 2 > text.Length || !char.IsAsciiLetterUpper(text[j]) || !char.IsAsciiLetterUpper(text[j + 1]) || (j + 2 < text.Length && char.IsAsciiLetterOrDigit(text[j + 2])))
        {
            return false;
        }

        ReadOnlySpan<int> weights = [8, 6, 4, 2, 3, 5, 9, 7];
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += d[k] * weights[k];
        }

        var check = 11 - (sum % 11);
        check = check switch { 10 => 0, 11 => 5, _ => check };
        return check == d[8];
    }

    /// <summary>
    /// The noun ending at <paramref name="end"/> has no digit on its own line and the next line opens a new list item ("2. 20261203-…",
    /// "3) …", "- …"): the item's number is its own (an order's), not the noun's value ("계좌는 본인확인 후 별도 수집)⏎3. 2026…").
    /// </summary>
    private static bool NextListItemValue(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 120)];
        var lineEnd = rest.IndexOfAny('\n', '\r');
        // The noun's clause goes on after it on its line ("계좌는 본인확인 후 별도 수집)", "(Konto wird telefonisch erfragt)"): a list's
        // heading ("(name, account number, amount):") introduces its items with a colon, and they are its values.
        if (lineEnd < 0 || rest[..lineEnd].IndexOfAnyInRange('0', '9') >= 0 || ClauseLetters(rest[..lineEnd]) < 4 || rest[..lineEnd].TrimEnd(" \t").EndsWith(':'))
        {
            return false;
        }

        var next = rest[(lineEnd + 1)..].TrimStart("\r\n \t");
        if (next.IsEmpty)
        {
            return false;
        }

        var digits = next.IndexOfAnyExceptInRange('0', '9');
        if (next[0] is '-' or '•' or '*')
        {
            digits = 0;
        }
        else if (!(digits is 1 or 2 && next[digits] is '.' or ')'))
        {
            return false;
        }

        // The item opens with its own number ("2. 20261203-00492 / …"), not a name or a word ("1. LAMBERT", "1. นายธนากร").
        var item = next[(digits + 1)..].TrimStart(' ');
        return !item.IsEmpty && char.IsAsciiDigit(item[0]);
    }

    /// <summary>
    /// Two capitalised words, a first name and a surname, stand right before the first number after the noun ending at
    /// <paramref name="end"/>, on that number's line and past the noun ("student ID …⏎Kayden Moore 2031847"): a person named beside it.
    /// </summary>
    private static bool NameBeforeValue(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 160)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var before = window[..digit];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..].TrimEnd(" ,:;—–-|\t");
        return TwoNamesAtEnd(before);
    }

    // A first name and a surname, two capitalised words, end the text ("Oscar Bell", "Mia Chen").
    private static bool TwoNamesAtEnd(ReadOnlySpan<char> before)
    {
        var words = 0;
        var i = before.Length;
        while (words < 2)
        {
            var wordEnd = i;
            while (i > 0 && (char.IsLetter(before[i - 1]) || before[i - 1] is '\'' or '’' or '-'))
            {
                i--;
            }

            if (i == wordEnd || wordEnd - i < 2 || !char.IsUpper(before[i]) || !char.IsLower(before[i + 1]))
            {
                return false;
            }

            words++;
            if (words < 2)
            {
                if (i == 0 || before[i - 1] != ' ')
                {
                    return false;
                }

                i--;
            }
        }

        return true;
    }

    private static int ClauseLetters(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters;
    }

    /// <summary>The guards of probe 37 among <see cref="NotAValue"/>'s: a parcel's tracking number, a new list item's number.</summary>
    private static bool SupportDeskNotValue(ReadOnlySpan<char> text, int end, string phrase, Want want) =>
        TrackingNumberAfter(text, end) || (want is Want.Digits or Want.Account && AccountStemIn(phrase) && NextListItemValue(text, end));

    // An account's noun in the corpus languages (a PIN's or a code's noun keeps a list's items as its values).
    private static readonly string[] AccountStems =
    [
        "account", "konto", "compte", "cuenta", "conta", "conto", "rekening", "rachun", "счёт", "счет", "hesap", "계좌", "口座", "账号", "账户",
    ];

    private static bool AccountStemIn(string phrase)
    {
        foreach (var stem in AccountStems)
        {
            if (phrase.Contains(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
