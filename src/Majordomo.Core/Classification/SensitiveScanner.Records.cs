namespace Majordomo.Classification;

/// <summary>
/// Records, forms and office work (after the blind probe <c>sensitive-lookalikes-21</c>, docs/CLASSIFIER.md "Records and
/// forms"). Ids by a print shape no other id has, whatever their check (a mistyped value is still someone's): a Mexican CURP
/// (<c>GOAV100722MJCMRLA3</c>), a Brazilian NIT/PIS (<c>120.44182.20-7</c>) and SUS card (<c>706 4021 8837 4415</c>), a French
/// NIR in its print groups, Corsica's <c>2A</c>/<c>2B</c> too. And the guard for a business's number: a company's registration,
/// tax or VAT number, an invoice's number or access key, named by its label just before it (CNPJ, ИНН of ten digits, КПП, ОГРН,
/// ЄДРПОУ, CUIT of a company, 法人番号, 统一社会信用代码, 사업자등록번호, SIRET, USt-IdNr…): an organisation's, printed on every
/// invoice, no person's. Called from <see cref="ScanDigits"/> at every digit run, so the prefilter reads it too.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>Whether an id of a shape of its own (CURP, NIT/PIS, SUS card, NIR's print groups) starts at the digit <paramref name="start"/>.</summary>
    private static bool RecordId(ReadOnlySpan<char> text, int start)
    {
        if (Curp(text, start))
        {
            return true;
        }

        if (InsideNumber(text, start))
        {
            return false;
        }

        Span<byte> d = stackalloc byte[20];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: true, out var n, out var g, out var separators);
        var shape = groups[..g];
        if (n >= 6 && d[..n].IndexOfAnyExcept(d[0]) < 0)
        {
            return false; // a fixture's 000.00000.00-0: no one's number
        }

        if (CorsicanNir(text, start, shape, n, i))
        {
            return true;
        }

        if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            return false;
        }

        // NIT/PIS ddd.ddddd.dd-d; the SUS card's 3-4-4-4 (its numbers start 1, 2, 7, 8 or 9); a NIR in its print groups; the
        // Belgian national number yy.mm.dd-nnn.cc.
        return (n == 11 && shape is [3, 5, 2, 1] && separators == 6)
            || (n == 11 && shape is [2, 2, 2, 3, 2] && separators == 6 && Two(d, 2) is >= 1 and <= 12)
            || (n == 15 && shape is [3, 4, 4, 4] && separators == 1 && d[0] is 1 or 2 or 7 or 8 or 9)
            || (n == 15 && shape is [1, 2, 2, 2, 3, 3, 2] && separators == 1 && d[0] is 1 or 2 && Two(d, 3) is >= 1 and <= 12 or >= 20);
    }

    // A digit inside a word, a decimal, an amount, a path or a masked value: no id starts there.
    private static bool InsideNumber(ReadOnlySpan<char> text, int start) =>
        start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or ',' or '#' or '$' or '€' or '£' or '/' or '*');

    // A NIR whose department is Corsica's 2A or 2B: "1 78 02 2A 004 118 44" (the digit run stops at the A).
    private static bool CorsicanNir(ReadOnlySpan<char> text, int start, ReadOnlySpan<int> shape, int n, int end)
    {
        if (!(shape is [1, 2, 2, 1] && n == 6 && text[start] is '1' or '2' && end + 1 < text.Length && text[end] is 'A' or 'B' && text[end - 1] == '2'))
        {
            return false;
        }

        var rest = text[(end + 1)..];
        var k = 0;
        var digits = 0;
        while (k < rest.Length && k < 12 && (char.IsAsciiDigit(rest[k]) || rest[k] == ' '))
        {
            digits += char.IsAsciiDigit(rest[k]) ? 1 : 0;
            k++;
        }

        return digits == 8 && (k == rest.Length || !char.IsAsciiLetterOrDigit(rest[k]));
    }

    // CURP: four letters, a birth date, H/M/X, five letters, a letter or digit and a check digit — 18 characters, one word.
    private static bool Curp(ReadOnlySpan<char> text, int start)
    {
        if (start < 4 || start + 14 > text.Length || (start > 4 && char.IsAsciiLetterOrDigit(text[start - 5])))
        {
            return false;
        }

        var id = text[(start - 4)..(start + 14)];
        for (var k = 0; k < 18; k++)
        {
            var ok = k switch
            {
                < 4 or (>= 11 and <= 15) => char.IsAsciiLetterUpper(id[k]),
                >= 4 and <= 9 or 17 => char.IsAsciiDigit(id[k]),
                10 => id[k] is 'H' or 'M' or 'X',
                _ => char.IsAsciiLetterUpper(id[k]) || char.IsAsciiDigit(id[k]),
            };
            if (!ok)
            {
                return false;
            }
        }

        return (start + 14 == text.Length || !char.IsAsciiLetterOrDigit(text[start + 14])) && !id.SequenceEqual("BADD110313HCMLNS09");
    }

    // A business's number by its label: (label, what the number must be — 0 any, 10 ten digits, 30 a company's CUIT prefix, 40 forty digits or more).
    private static readonly (string Label, int Kind)[] BusinessLabels =
    [
        ("cnpj", 0), ("inscrição estadual", 0), ("inscricao estadual", 0), ("кпп", 0), ("огрн", 0), ("єдрпоу", 0), ("едрпоу", 0), ("окпо", 0),
        ("инн", 10), ("cuit", 30), ("vat", 0), ("ust-id", 0), ("ust.-id", 0), ("ustid", 0), ("umsatzsteuer", 0), ("tva", 0), ("siret", 0), ("siren", 0),
        ("rcs", 0), ("p.iva", 0), ("p. iva", 0), ("partita iva", 0), ("piva", 0), ("kvk", 0), ("btw", 0), ("regon", 0), ("krs", 0), ("abn", 0),
        ("acn", 0), ("company no", 0), ("company number", 0), ("company reg", 0), ("registered no", 0), ("hrb", 0), ("hra", 0), ("firmenbuch", 0),
        ("handelsregister", 0), ("cif", 0), ("ičo", 0), ("ico", 0), ("dič", 0), ("gstin", 0), ("gst no", 0), ("iibb", 0), ("org.nr", 0), ("orgnr", 0),
        ("org-nr", 0), ("organisationsnummer", 0), ("cvr", 0), ("y-tunnus", 0), ("ondernemingsnummer", 0), ("kbo", 0), ("uen", 0), ("gläubiger", 0),
        ("creditor id", 0), ("nip", 0), ("vergi no", 0), ("vergi numarası", 0), ("chave de acesso", 40), ("法人番号", 0), ("登録番号", 0),
        ("统一社会信用代码", 0), ("纳税人识别号", 0), ("营业执照", 0), ("发票", 0), ("사업자등록번호", 0), ("사업자번호", 0), ("법인등록번호", 0), ("세금계산서", 0),
        // Probe 24: Malaysia's SSM, Greece's ΓΕΜΗ, Sweden's giro numbers, a business's paybill or till, a company's tax number by its label.
        ("ssm", 0), ("no. syarikat", 0), ("pendaftaran syarikat", 0), ("γεμη", 0), ("γ.ε.μη", 0), ("bankgiro", 0), ("plusgiro", 0), ("paybill", 0),
        ("till number", 0), ("till no", 0), ("buy goods", 0), ("merchant id", 0), ("rut empresa", 0), ("ruc empresa", 0), ("mst doanh nghiệp", 0),
        ("mã số doanh nghiệp", 0), ("npwp perusahaan", 0), ("npwp badan", 0), ("ocr", 50), ("kid", 50),
        // Probe 43: Portugal's NIPC is a company's; its NIF is a company's when it starts with 5, 6 or 9 (a person's with 1, 2, 3 or 45).
        ("nipc", 0), ("nif", 9),
    ];

    // An ambiguous tax id's label (a person's or a company's number): the company's when its legal form or an invoice's issuer stands before it.
    private static readonly string[] TaxLabels =
    [
        "afm", "αφμ", "α.φ.μ", "mst", "rut", "npwp", "tin", "ruc", "rfc", "nit", "nip", "cif", "nif", "kra pin", "vergi", "ntn", "inn", "инн", "cnpj", "cui",
        // Probe 26: a German Steuernummer, Thailand's taxpayer number (a person's or a company's).
        "steuernummer", "st.-nr", "เลขประจำตัวผู้เสียภาษี", "เลขผู้เสียภาษี",
    ];

    // A US employer's number, in its capitals only ("ein" is a German article).
    private static readonly string[] TaxLabelsInCapitals = ["EIN", "FEIN"];

    // Legal forms and issuers' labels that make the tax id after them a business's (short forms in their own capitals only).
    private static readonly string[] LegalForms =
    [
        "sdn bhd", "sdn. bhd", "berhad", "enterprise", "tnhh", "công ty", "cổ phần", "o.e.", "ο.ε.", "α.ε.", "ι.κ.ε.", "ε.π.ε.", "s.p.a", "ltda", "s.a.s",
        "sa de cv", "s.a. de c.v", "e.i.r.l", "gmbh", "sp. z o.o", "s.r.l", "s.r.o", "a.ş.", "şti", "limited", "emisor", "razón social", "razon social",
        "proveedor", "supplier", "vendor", "seller", "issuer", "εκδότης", "πωλητής", "bên bán", "người bán", "penjual", "sprzedawca", "satıcı",
        // Probe 26: Thai, Japanese and Korean companies, English and Romance legal forms with their dots.
        "บริษัท", "จำกัด", "ห้างหุ้นส่วน", "株式会社", "有限会社", "合同会社", "주식회사", "(주)", "inc.", "corp.", "l.l.c", "s.l.", "s.a.", "sarl",
    ];

    private static readonly string[] LegalFormsInCapitals = ["SpA", "SA", "AB", "AS", "ASA", "Oy", "Ltd", "LLC", "Inc", "PT", "CV", "OÜ", "SIA", "UAB", "Kft", "Zrt", "SRL", "SAS", "EIRL"];

    /// <summary>
    /// The number at <paramref name="start"/> follows an ambiguous tax id's label (up to 20 characters between, no digit) and a
    /// company's legal form or an invoice's issuer stands within 200 characters before the label: the company's public tax number.
    /// </summary>
    private static bool CompanyTaxNumber(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        for (var l = 0; l < TaxLabels.Length + TaxLabelsInCapitals.Length; l++)
        {
            var label = l < TaxLabels.Length ? TaxLabels[l] : TaxLabelsInCapitals[l - TaxLabels.Length];
            var at = before.LastIndexOf(label, l < TaxLabels.Length ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (at < 0 || (at > 0 && char.IsLetter(before[at - 1])) || (at + label.Length < before.Length && char.IsLetter(before[at + label.Length]))
                || before[(at + label.Length)..].IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            var labelAt = start - before.Length + at;
            if (PersonsTaxNumber(text[Math.Max(0, labelAt - 16)..start]))
            {
                continue;
            }

            var context = text[Math.Max(0, labelAt - 200)..labelAt];
            if (SecretPhrases.WordIn(context, LegalForms))
            {
                return true;
            }

            foreach (var form in LegalFormsInCapitals)
            {
                for (var k = context.IndexOf(form, StringComparison.Ordinal); k >= 0;)
                {
                    var end = k + form.Length;
                    if ((k == 0 || !char.IsLetter(context[k - 1])) && (end == context.Length || !char.IsLetter(context[end])))
                    {
                        return true;
                    }

                    var next = context[end..].IndexOf(form, StringComparison.Ordinal);
                    k = next < 0 ? -1 : end + next;
                }
            }
        }

        return false;
    }

    // "o meu NIF pessoal", "my own TIN", "mój NIP": a person's tax number, whatever company the sentence names before (probe 24).
    private static readonly string[] PersonWords =
    [
        "my", "mine", "own", "personal", "mein", "meine", "meinen", "persönliche", "persönlichen", "meu", "minha", "pessoal", "mi", "personal",
        "mon", "ma", "personnel", "mio", "mia", "personale", "mijn", "persoonlijk", "min", "mitt", "personlig", "personliga", "mój", "moj", "moje",
        "osobisty", "minun", "oma", "henkilökohtainen",
    ];

    private static bool PersonsTaxNumber(ReadOnlySpan<char> around)
    {
        foreach (var range in around.SplitAny(" \t\n:"))
        {
            if (SecretPhrases.OneOf(around[range].Trim(".,;()"), PersonWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the number at <paramref name="start"/> is a business's, named by a label just before it in its line (up to 20
    /// characters between, no digit): a company's registration or tax number, an invoice's number or key.
    /// </summary>
    internal static bool BusinessNumber(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 48);
        var before = text[from..start];
        var line = before.LastIndexOfAny('\n', '\r');
        before = line >= 0 ? before[(line + 1)..] : before;
        foreach (var (label, kind) in BusinessLabels)
        {
            var at = before.LastIndexOf(label, StringComparison.OrdinalIgnoreCase);
            // A label glued to a word by '_' is a name's part ("SpokeShed_VAT1", a password; probe 55).
            if (at < 0 || (label[0] < 0x2E80 && at > 0 && (char.IsLetter(before[at - 1]) || before[at - 1] == '_')))
            {
                continue;
            }

            var between = before[(at + label.Length)..];
            if (GluedWord(between) || between.Length > 20 || between.IndexOfAnyInRange('0', '9') >= 0 || (label.Length <= 4 && label[0] < 0x2E80 && between.Length > 0 && char.IsLetter(between[0]) && label is not ("vat" or "tva" or "ust-id" or "nip")))
            {
                continue;
            }

            // "Mój NIP to …", "my NIP": a person's own tax number (a sole trader's NIP is the person's).
            if (label == "nip" && SecretPhrases.WholeWordsIn(before[..at], ["mój", "moj", "my", "mine", "osoba fizyczna", "mojego", "mój numer"]))
            {
                continue;
            }

            if (kind == 0 || (kind == 50 ? PaymentReference(before) : BusinessShape(text, start, kind)))
            {
                return true;
            }
        }

        // A company's CUIT or an organisation's ИНН by its own shape, its label a sentence away (SensitiveScanner.SupportDesk).
        return CompanyTaxNumber(text, start) || OrganisationNumberShape(text, start) || OrganisationTaxNamed(text, start);
    }

    // The label's letters run on into the number with no break ("Sirena2019", "Vatican1929"): one word, a password's shape, not a
    // label before its number; a VAT number's two-letter country prefix ("VATGB…") stays a label's.
    private static bool GluedWord(ReadOnlySpan<char> between) =>
        between.Length > 0 && !between.ContainsAnyExcept(LatinLetters) && !(between.Length == 2 && char.IsAsciiLetterUpper(between[0]) && char.IsAsciiLetterUpper(between[1]));

    private static readonly System.Buffers.SearchValues<char> LatinLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    // A Swedish OCR or a Norwegian KID is an invoice's payment reference only beside a giro, an invoice or a due date in its line.
    private static bool PaymentReference(ReadOnlySpan<char> line) =>
        SecretPhrases.WordIn(line, ["bankgiro", "plusgiro", "faktura", "forfall", "förfall", "org.nr", "kontonr"]);

    // A Portuguese NIF's check digit: 11 − Σ d[i]·(9 − i) mod 11, 10 and 11 read as 0.
    private static bool PortugueseNifCheck(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += d[k] * (9 - k);
        }

        var check = 11 - (sum % 11);
        return (check >= 10 ? 0 : check) == d[8];
    }

    // An ИНН of ten digits is an organisation's (a person's has twelve); a CUIT starting 30, 33 or 34 a company's; an NF-e key has 44 digits.
    private static bool BusinessShape(ReadOnlySpan<char> text, int start, int kind)
    {
        Span<byte> d = stackalloc byte[48];
        Span<int> groups = stackalloc int[16];
        DigitGroups(text, start, d, groups, dots: true, out var n, out _, out _);
        return kind switch
        {
            10 => n == 10,
            30 => n == 11 && d[0] == 3 && d[1] is 0 or 3 or 4,
            9 => n == 9 && d[0] is 5 or 6 or 9 && PortugueseNifCheck(d[..9]),
            _ => n >= 40,
        };
    }
}
