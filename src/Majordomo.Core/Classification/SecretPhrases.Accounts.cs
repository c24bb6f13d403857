namespace Majordomo.Classification;

/// <summary>
/// Insurance policies and billers' accounts (the nineteenth session, docs/CLASSIFIER.md "Leftovers of probes 32 and 34 and of the
/// asks"). docs/LABELLING.md names insurance numbers sensitive, so a policy's number is read after the policy's own noun in every
/// corpus language ("Polizza auto n. 88/441920", "póliza de hogar nº 0961-4428-317", "polisa OC nr 9102 4471 2290"), as Dutch
/// "polisnummer" and "numero di polizza" were: one rule, whichever way the number is named. A customer number with its holder is not
/// sensitive (docs/LABELLING.md), and a utility's or a biller's account number on its bill or its pay page is one ("Account #
/// 204-88170-03" beside "Amount due" and a saved card): read as a bank's only when a bank's word stands near it.
/// </summary>
internal static partial class SecretPhrases
{
    // Language → an insurance policy's nouns: the policy's own noun alone and the labels documents print for its number (one table for
    // the concept; lower case, matched case-insensitively). Read as id nouns: a value of five characters or more, so "la polizza 2026"
    // (a year) is none. A property, not a field: Phrases and IdNouns read it while the partial files' fields initialise.
    private static (string Language, string[] Nouns)[] PolicyTable =>
    [
        ("en", ["insurance policy", "policy #", "policy nr", "policy number", "policy no", "policy_number"]),
        ("de", ["versicherungsschein", "versicherungspolice", "versicherungsscheinnummer", "versicherungsschein-nr", "policennummer",
            // Probe 47: Austria's spelling.
            "polizzennummer", "polizzen-nr", "polizzennr", "polizze nr", "polizze"]),
        ("fr", ["police d'assurance", "police d’assurance", "numéro de police", "n° de police"]),
        ("es", ["póliza", "poliza", "número de póliza", "nº de póliza", "n.º de póliza", "póliza nº"]),
        ("it", ["polizza", "numero di polizza", "polizza n", "n. polizza"]),
        ("pt", ["apólice", "apolice", "número da apólice", "apólice n"]),
        ("da", ["policenummer"]),
        ("pl", ["polisa", "numer polisy", "nr polisy"]),
        ("cs", ["číslo pojistky", "číslo pojistné smlouvy"]),
        ("ru", ["номер полиса"]),
        ("uk", ["номер поліса", "поліс"]),
        ("tr", ["poliçe no", "poliçe numarası"]),
        ("ja", ["証券番号"]),
        ("ko", ["증권번호"]),
        ("zh", ["保单号"]),
        // The twenty-first session: a policy's noun in the scripts whose own digits the scanner folds ("شماره بیمه‌نامه ۱۴۰۲/۸۸۱۲۰۴").
        ("fa", ["بیمه‌نامه", "بیمه نامه", "شماره بیمه"]),
        ("ar", ["رقم البوليصة", "بوليصة التأمين", "رقم وثيقة التأمين", "رقم الوثيقة", "الوثيقة رقم"]), // probe 46: "الوثيقة" alone is the policy
        ("ur", ["پالیسی نمبر"]),
        ("hi", ["पॉलिसी नंबर", "पॉलिसी संख्या"]),
        ("bn", ["পলিসি নম্বর"]),
        ("th", ["เลขที่กรมธรรม์", "กรมธรรม์เลขที่"]),
    ];

    private static string[] PolicyNouns => [.. PolicyTable.SelectMany(row => row.Nouns)];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] PolicyPhrases() => [.. PolicyNouns.Select(noun => (noun, Want.Digits))];

    // The bill's words around an account's number: a utility's or a biller's page or letter.
    private static readonly string[] BillWords =
    [
        "bill", "bills", "billing", "utility", "utilities", "amount due", "service address", "meter", "electric", "electricity", "water", "gas",
        "power", "energy", "sewer", "trash",
        // Probe 45: a pay-TV's, a broadband's or a phone's contract ("Sky account number …, can I drop the Sports pack mid-contract").
        "broadband", "contract", "mid-contract", "subscription", "package", "bundle", "pack", "renews", "renewal", "tv", "channels", "tariff", "line rental",
    ];

    // A bank's words: with one of them near, the account stays a bank's (recall first).
    private static readonly string[] BankWords =
    [
        "bank", "banking", "checking", "chequing", "savings", "routing", "sort code", "iban", "bsb", "aba", "ach", "wire", "swift", "bic",
        "transit", "bank draft", "debit from", "direct debit", "payout", "paid into", "pay into", "paid to", "deposit", "transfer", "salary", "wages",
    ];

    /// <summary>
    /// The number at the digit <paramref name="start"/> is a biller's account: named an account in the 32 characters before it, a
    /// bill's word within 400 characters before or 300 after, and no bank's word there.
    /// </summary>
    internal static bool BillerAccount(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 32)..start];
        if (!before.Contains("account", StringComparison.OrdinalIgnoreCase) && !before.Contains("acct", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var around = text[Math.Max(0, start - 400)..Math.Min(text.Length, start + 300)];
        return ContainsAny(around, BillWords) && !BankWordOffTail(around);
    }

    // A bank's word on a line that shows only the paying account's masked tail ("Paying by: Direct Debit from account ending ••••8812")
    // names no bank account beside the biller's number (probe 54); anywhere else, or beside a bank account's digits, it keeps the number
    // a bank's.
    private static bool BankWordOffTail(ReadOnlySpan<char> around)
    {
        foreach (var line in around.EnumerateLines())
        {
            if (ContainsAny(line, BankWords) && (DigitRun(line, 6) || (line.IndexOfAny("•*") < 0 && !line.Contains("ending", StringComparison.OrdinalIgnoreCase) && !ContainsAny(line, TailWords))))
            {
                return true;
            }
        }

        return false;
    }

    // A run of at least <paramref name="length"/> digits, single spaces and dashes inside it ("sort code 20-45-77, account 53118842").
    private static bool DigitRun(ReadOnlySpan<char> line, int length)
    {
        var run = 0;
        for (var k = 0; k < line.Length; k++)
        {
            run = char.IsAsciiDigit(line[k]) ? run + 1 : line[k] is ' ' or '-' && run > 0 && k + 1 < line.Length && char.IsAsciiDigit(line[k + 1]) ? run : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first number in the 40 characters after the account's noun ending at <paramref name="end"/> is a biller's.</summary>
    private static bool BillerAccountAfter(ReadOnlySpan<char> text, int end)
    {
        var digit = text[end..Math.Min(text.Length, end + 40)].IndexOfAnyInRange('0', '9');
        return digit >= 0 && BillerAccount(text, end + digit);
    }
}
