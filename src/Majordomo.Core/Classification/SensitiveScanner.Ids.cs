namespace Majordomo.Classification;

/// <summary>
/// National, health and tax ids read by their shape and check digits, with or without the noun that names them
/// (a form filled in with "Popescu Andrei, 1850314401271" names nothing). Where the shape holds a date and a check
/// (身份证, CNP, PESEL, TC kimlik, personnummer, rodné číslo, henkilötunnus, AMKA, NIR, Steuer-ID, CPF, СНИЛС, 주민등록번호)
/// the value alone is enough; where a random number passes one time in ten (BSN, Israeli and Saudi ids, TAJ, Aadhaar,
/// マイナンバー, NIK, CPR) a personal cue must stand in its line (a form, a name, a birth date, an id or number word in
/// any language). A number named public just before it (order, invoice, phone, tracking…) is never an id.
/// </summary>
internal static partial class SensitiveScanner
{
    // Words that make a weakly checked number someone's id: forms, names, births, id and number words, health and tax.
    private static readonly string[] PersonalCues =
    [
        "id", "identity", "identit", "national", "personal", "person", "citizen", "number", "no.", "nr", "nummer", "numéro", "número",
        "numero", "numer", "номер", "szám", "číslo", "numara", "nomor", "born", "dob", "birth", "geb.", "geboren", "né ", "née", "nato", "nata",
        "nacid", "nascid", "ur.", "urodz", "født", "född", "syntyn", "nar.", "szület", "lahir", "doğum", "рожд", "form", "formul", "lomake",
        "blankett", "űrlap", "formular", "anmeld", "kyc", "name", "nome", "nombre", "nom ", "nazwisk", "imię", "имя", "фио", "nama", "navn",
        "namn", "nimi", "jméno", "név", "neve", "שם", "adı", "patient", "insur", "versich", "assur", "segur", "seguro", "zorg", "zdrow", "страх", "tax", "steuer",
        "fisc", "impost", "belasting", "podat", "налог", "vergi", "bsn", "cpr", "taj", "nik", "ktp", "aadhaar", "amka", "ת.ז", "זהות", "מספר",
        "رقم", "هوية", "身份", "姓名", "出生", "登记", "申告", "申請", "書類", "登録", "氏名", "生年", "番号", "신청", "가입", "이름", "생년", "번호",
        "ナンバー", // マイナンバー (probe 18)
        "cccd", "căn cước", "cmnd", "định danh", "mykad", "kad pengenalan", "cnic", "شناختی", // probe 24
    ];

    // Words that make it a bank account: an account, a bank, a branch, a sort or routing code.
    private static readonly string[] BankCues =
    [
        "account", "acct", "a/c", "sort code", "routing", "bic", "swift", "bank", "konto", "blz", "compte", "banque", "cuenta", "banco", "conta",
        "agência", "agencia", "conto", "rekening", "счёт", "счет", "р/с", "бик", "банк", "账号", "账户", "银行", "口座", "普通", "当座", "銀行",
        "支店", "店番", "계좌", "은행", "hesap", "banka", "pankki", "tili", "számla", "účet", "rachunek", "przelew",
        "खाता", "खाते", "ifsc", "บัญชี", "অ্যাকাউন্ট", "হিসাব", "tài khoản", "حساب", "اکاؤنٹ", // probe 18: Hindi, Thai, Bengali, Vietnamese, Arabic, Urdu
    ];

    // The bank cues that head a compound and are read as a word's start ("Kontonummer", "Bankverbindung", "rekeningnummer", "accounts").
    private static readonly string[] BankCueStems = ["account", "konto", "bank", "rekening", "przelew"];

    /// <summary>
    /// A bank's word (<see cref="BankCues"/>) in the number's line within the 28 characters before the digit at <paramref name="start"/>,
    /// a whole word ("conta", not "container" or "contador"; "bic", not "bicicleta"; "compte", not "compteur") or a compound's head
    /// (<see cref="BankCueStems"/>); in a script written without spaces, anywhere.
    /// </summary>
    private static bool BankCued(ReadOnlySpan<char> text, int start)
    {
        var window = text[Math.Max(0, start - 28)..start];
        window = window[(window.LastIndexOfAny('\n', '\r') + 1)..];
        if (BankCodeNamed(window))
        {
            return false;
        }

        foreach (var cue in BankCues)
        {
            foreach (var hit in SecretPhrases.Occurrences(window, cue))
            {
                var end = hit + cue.Length;
                if (cue[0] > 0x24F || ((hit == 0 || !char.IsLetter(window[hit - 1]))
                    && (end == window.Length || !char.IsLetter(window[end]) || SecretPhrases.OneOf(cue, BankCueStems))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A bank's own code by its name: the digits right after it are the bank's code, not an account (docs/LABELLING.md, probe 51).
    private static readonly string[] BankCodeNames = ["bic", "swift", "бик", "blz"];

    /// <summary>A bank code's name ends the window, only a mark (":", "№", "-") after it: the number that follows is the bank's code.</summary>
    private static bool BankCodeNamed(ReadOnlySpan<char> window) => SecretPhrases.EndsWithWord(window.TrimEnd(" :№-\t"), BankCodeNames);

    /// <summary>Whether a national or health id, or a bank account told in prose, starts at the digit <paramref name="start"/>.</summary>
    private static bool NationalId(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (text[start - 1] is '+' or '.' or '#' or '$' or '€' or '£' || (text[start - 1] == ',' && !DashedCell(text, start)) || char.IsAsciiDigit(text[start - 1])) || DigitsEndName(text, start)
            || DatedReference(text, start))
        {
            return false;
        }

        // A henkilötunnus's century sign may be a letter and its check one too: read by its own shape.
        if (Hetu(text, start))
        {
            return !NamedPublic(text, start);
        }

        Span<byte> d = stackalloc byte[26];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: true, out var n, out var g, out var separators);

        var shape = groups[..g];
        var prefix = start > 0 && char.IsAsciiLetter(text[start - 1]);
        var letter = i < text.Length && char.IsAsciiLetterUpper(text[i]) ? text[i] : '\0';
        var end = letter != '\0' ? i + 1 : i;
        // A decimal's comma or point goes on with the number; after three dashed groups or more a comma is a CSV row's ("784-1979-5521043-6,0501234567").
        var csvComma = end < text.Length && text[end] == ',' && g >= 3 && separators == 2;
        if ((end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '@' || (text[end] is '.' or ',' && !csvComma && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))))
        {
            return false;
        }

        if (n == 6 && UkInsurance(text, start, shape, i))
        {
            return true;
        }

        if (prefix)
        {
            // Only a letter that stands for a digit of the id: the NIE's X/Y/Z ("X3927164Y").
            // A seed's zero-filled NIE ("X0000000T" passes the check letter) is no one's (docs/LABELLING.md, zero-filled dummies).
            return Nie(text, start, d[..n], g, letter) && d[..n][..^1].IndexOfAnyExcept((byte)0) >= 0;
        }

        // A test card's or a filler's digits (4111 1111 1111 1111, 1212 1212 1212): no one's id.
        if (n >= 6 && d[..n].IndexOfAnyExcept(d[0], d[n - 1]) < 0 || (n >= 9 && FormatExample(text, end)) || ZeroFixture(d[..n]))
        {
            return false;
        }

        var strength = Identify(text, start, d[..n], shape, separators, letter);
        if (strength is IdStrength.Alone or IdStrength.WithCue && (ShownAsExample(text, start) || SecretPhrases.ExampleNamedAfter(text, start)))
        {
            return false;
        }

        // India's twelve-digit UTR passes Aadhaar's check one time in ten (SecretPhrases.Counters).
        if (strength != IdStrength.None && n == 12 && SecretPhrases.UtrTransfer(text, start))
        {
            return false;
        }

        return strength switch
        {
            // An id's example from the documentation ("np. '44051401359'"; SecretPhrases.Research).
            IdStrength.Alone => !NamedPublic(text, start) && !SecretPhrases.ExampleIdBefore(text, start) && !SecretPhrases.DocumentedValue(text, start, end),
            IdStrength.WithCue => !NamedPublic(text, start) && Cued(text, start, end, PersonalCues, back: 120, ahead: 40) && !ServiceNumberBefore(text, start)
                && !SecretPhrases.ExampleIdBefore(text, start) && !SecretPhrases.DocumentedValue(text, start, end),
            IdStrength.Bank => !NamedPublic(text, start) && BankCued(text, start) && !Amount(text, end) && !PhoneBefore(text, start)
                && !SecretPhrases.CountingPlaceholderAt(text, start, start)
                && !ServiceNumberBefore(text, start)
                && !UserColumn(text, start) && !AfterPlaceholderIban(text, start) && !CapitalsPrefix(text, start)
                && !(d[0] == 0 && n is 10 or 11 && g >= 2), // "Northway Bank, 0345 300 0000": a phone line's groups, not an account's
            _ => false,
        };
    }

    private enum IdStrength
    {
        None,
        Alone,
        WithCue,
        Bank,
    }

    private static IdStrength Identify(ReadOnlySpan<char> text, int start, ReadOnlySpan<byte> d, ReadOnlySpan<int> shape, int separators, char letter)
    {
        var single = shape.Length == 1;
        var n = d.Length;
        if (letter != '\0')
        {
            // 身份证 with its X, a DNI's letter, a henkilötunnus's century sign.
            return (n == 17 && letter == 'X' && single && ChineseId(d, 10))
                || (n == 8 && single && "TRWAGMYFPDXBNJZSQVHLCKE"[(int)(Number(d) % 23)] == letter)
                || Hetu(text, start) ? IdStrength.Alone : IdStrength.None;
        }

        switch (n)
        {
            case 18 when single && ChineseId(d[..17], d[17]):
            case 13 when single && Cnp(d):
            case 13 when shape is [6, 7] && separators == 2 && Rrn(d):
            case 10 when shape is [6, 4] && separators == 2 && Date(d[..6], yearFirst: true) && Luhn(d):
            case 12 when shape is [8, 4] && separators == 2 && Date(d[2..8], yearFirst: true) && Luhn(d[2..]):
            case 10 when shape is [6, 4] && separators == 8 && BirthNumber(d):
            case 11 when single && (Pesel(d) || TcKimlik(d) || (Date(d[..6], yearFirst: false) && Luhn(d))):
            case 11 when shape is [2, 3, 3, 3] && separators == 1 && SteuerId(d):
            case 11 when single && SteuerId(d):
            case 11 when shape is [3, 3, 3, 2] && separators == 3 && Snils(d):
            case 11 when shape is [3, 3, 3, 2] && separators == 6 && Cpf(d):
            case 15 when (single || shape is [1, 2, 2, 2, 3, 3, 2]) && Nir(d):
            case 26 when (single && Nrb(d)) || shape is [2, 4, 4, 4, 4, 4, 4]: // the NRB's print groups: an account even when its check fails
            case 13 when shape is [5, 7, 1] && separators == 2 && d[0] is >= 1 and <= 7: // Pakistan's CNIC in its print groups (probe 24)
            case 12 when shape is [6, 2, 4] && separators == 2 && Date(d[..6], yearFirst: true) && MyKadPlace(Two(d, 6)): // Malaysia's MyKad
            case 15 when shape is [3, 4, 7, 1] && separators == 2 && EmiratesId(d): // the Emirates ID as printed: 784-YYYY-NNNNNNN-C (probe 39)
                return IdStrength.Alone;
            case 12 when single && d[0] == 0 && VietnameseId(d): // Vietnam's CCCD: province, century and sex, year of birth (probe 24)
            case 10 when shape is [6, 4] && separators == 2 && Date(d[..6], yearFirst: false):
            case 10 when shape is [6, 4] && separators == 8 && BirthDate(d): // a rodné číslo mistyped (its mod 11 fails) with its noun
            case 12 when shape is [8, 4] && separators == 2 && MistypedPersonnummer(text, start, d): // a personnummer mistyped (probe 50)
            case 9 when (single || shape is [3, 3, 3]) && (Bsn(d) || IsraeliId(d) || Taj(d)):
            case 10 when single && d[0] is 1 or 2 && Luhn(d):
            case 11 when single && (Snils(d) || Cpf(d)):
            case 12 when (single || shape is [4, 4, 4]) && ((d[0] >= 2 && Verhoeff(d)) || MyNumber(d)):
            case 16 when (single || shape is [4, 4, 4, 4] || shape is [6, 6, 4]) && Nik(d):
            case 14 when single && Cnpj(d):
            case 13 when single && SouthAfricanId(d): // SensitiveScanner.Numbers
                return IdStrength.WithCue;
            // A Korean resident registration number issued since October 2020 has no check digit: its date and sex digit, alone in a line
            // of Hangul ("김도윤, 150812-3471829, 초5"), else with a cue (probe 42).
            case 13 when shape is [6, 7] && separators == 2 && Date(d[..6], yearFirst: true) && d[6] is >= 1 and <= 4:
                return HangulInLine(text, start) ? IdStrength.Alone : IdStrength.WithCue;
        }

        if (MistypedId(text, start, d, shape, separators))
        {
            return IdStrength.Alone;
        }

        // An account number: 6–20 digits in one run or groups of three or more joined by a space or a dash (not a date, an
        // amount "1 500 000", a decimal).
        return n is >= 6 and <= 20 && (separators & 12) == 0 && (single || shape.IndexOfAnyInRange(0, 2) < 0 || shape is [_, 1]) && !YearRange(d, shape, separators)
            ? IdStrength.Bank : IdStrength.None;
    }

    // "MAEU-2201-8830", "INV-2291-0044": three capitals or more and a dash before the digits make them a container's or a document's code.
    private static bool CapitalsPrefix(ReadOnlySpan<char> text, int start)
    {
        var k = start - 1;
        if (k < 3 || text[k] != '-')
        {
            return false;
        }

        var letters = 0;
        while (k > 0 && char.IsAsciiLetterUpper(text[k - 1]))
        {
            k--;
            letters++;
        }

        return letters >= 3 && (k == 0 || !char.IsLetterOrDigit(text[k - 1]));
    }

    // After a comma, digits in three dashed groups or more ("Khalid,784-1979-5521043-6"): a CSV row's cell, not a number's thousands.
    private static bool DashedCell(ReadOnlySpan<char> text, int start)
    {
        var dashes = 0;
        for (var k = start; k < text.Length && k - start < 24 && (char.IsAsciiDigit(text[k]) || text[k] == '-'); k++)
        {
            dashes += text[k] == '-' ? 1 : 0;
        }

        return dashes >= 2;
    }

    // The Emirates ID: the country's 784, a year of birth 1900–2099, seven digits and a Luhn check over all fifteen.
    private static bool EmiratesId(ReadOnlySpan<byte> d) =>
        d[0] == 7 && d[1] == 8 && d[2] == 4 && ((d[3] == 1 && d[4] == 9) || (d[3] == 2 && d[4] == 0)) && Luhn(d);

    // "banks … in 2024-2026": two years 1900–2099 joined by a dash, the second after the first by at most fifty — a period, no account.
    private static bool YearRange(ReadOnlySpan<byte> d, ReadOnlySpan<int> shape, int separators)
    {
        if (shape is not [4, 4] || separators != 2 || !((d[0] == 1 && d[1] == 9) || (d[0] == 2 && d[1] == 0)))
        {
            return false;
        }

        var from = Number(d[..4]);
        var to = Number(d[4..]);
        return to > from && to - from <= 50;
    }

    // A MyKad's place of birth: a Malaysian state (01–16), a region of birth abroad (21–59 hold states too, 60–99 countries).
    private static bool MyKadPlace(int place) => place is (>= 1 and <= 16) or (>= 21 and <= 59) or (>= 60 and <= 99 and not 70 and not 73 and not 80 and not 81 and not 94 and not 95 and not 96 and not 97);

    // A Vietnamese citizen id (CCCD): a province code 001–096, a century-and-sex digit 0–3, the year's two digits, six more.
    private static bool VietnameseId(ReadOnlySpan<byte> d) => ((d[1] * 10) + d[2]) is >= 1 and <= 96 && d[3] <= 3;

    // The Polish NRB: 26 digits with the IBAN's check for "PL" (the IBAN's own remainder, on "PL" and the digits).
    private static bool Nrb(ReadOnlySpan<byte> d)
    {
        Span<char> iban = stackalloc char[28];
        iban[0] = 'P';
        iban[1] = 'L';
        for (var k = 0; k < 26; k++)
        {
            iban[k + 2] = (char)('0' + d[k]);
        }

        return Mod97(iban) == 1;
    }

    private static long Number(ReadOnlySpan<byte> d)
    {
        long v = 0;
        foreach (var x in d)
        {
            v = (v * 10) + x;
        }

        return v;
    }

    private static int Two(ReadOnlySpan<byte> d, int at) => (d[at] * 10) + d[at + 1];

    // YYMMDD or DDMMYY with a real month and day (not the check of a calendar: 31 February passes).
    private static bool Date(ReadOnlySpan<byte> d, bool yearFirst)
    {
        var (day, month) = yearFirst ? (Two(d, 4), Two(d, 2)) : (Two(d, 0), Two(d, 2));
        if (yearFirst && day > 60)
        {
            day -= 60; // a Swedish co-ordination number
        }

        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static bool ChineseId(ReadOnlySpan<byte> d, int check)
    {
        var year = (Two(d, 6) * 100) + Two(d, 8);
        if (d[0] is 0 or 9 || year is < 1900 or > 2030 || Two(d, 10) is < 1 or > 12 || Two(d, 12) is < 1 or > 31)
        {
            return false;
        }

        ReadOnlySpan<byte> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            sum += d[k] * weights[k];
        }

        ReadOnlySpan<byte> checks = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];
        return checks[sum % 11] == check;
    }

    // Romanian CNP: sex and century, YYMMDD, county 01–52, serial, check with 279146358279.
    private static bool Cnp(ReadOnlySpan<byte> d)
    {
        var county = Two(d, 7);
        if (d[0] == 0 || !Date(d[1..7], yearFirst: true) || county is < 1 or > 52 and not 70)
        {
            return false;
        }

        ReadOnlySpan<byte> weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
        var sum = 0;
        for (var k = 0; k < 12; k++)
        {
            sum += d[k] * weights[k];
        }

        var check = sum % 11;
        return (check == 10 ? 1 : check) == d[12];
    }

    // Korean resident registration number, YYMMDD-SNNNNNC (the check of numbers issued before October 2020).
    private static bool Rrn(ReadOnlySpan<byte> d)
    {
        if (!Date(d, yearFirst: true) || d[6] is 0 or 9)
        {
            return false;
        }

        ReadOnlySpan<byte> weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = 0;
        for (var k = 0; k < 12; k++)
        {
            sum += d[k] * weights[k];
        }

        return (11 - (sum % 11)) % 10 == d[12];
    }

    // Czech or Slovak rodné číslo, YYMMDD/NNNN: the month plus 50 (women) or 20; the ten digits divisible by 11.
    private static bool BirthNumber(ReadOnlySpan<byte> d)
    {
        if (!BirthDate(d))
        {
            return false;
        }

        var head = Number(d[..9]) % 11;
        return Number(d) % 11 == 0 || (head == 10 && d[9] == 0);
    }

    // A rodné číslo's date: the month plus 50 (women) or 20.
    private static bool BirthDate(ReadOnlySpan<byte> d)
    {
        var month = Two(d, 2) % 50;
        month = month > 20 ? month - 20 : month;
        var day = Two(d, 4);
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    // Finnish henkilötunnus, DDMMYY, the century sign, NNN and a check character (the nine digits mod 31).
    private static bool Hetu(ReadOnlySpan<char> text, int start)
    {
        if (text.Length - start < 11 || (text.Length - start > 11 && char.IsAsciiLetterOrDigit(text[start + 11])))
        {
            return false;
        }

        var t = text.Slice(start, 11);
        if (!char.IsAsciiDigit(t[0]) || t[..6].ContainsAnyExceptInRange('0', '9') || t[7..10].ContainsAnyExceptInRange('0', '9')
            || "+-ABCDEFUVWXY".IndexOf(t[6]) < 0)
        {
            return false;
        }

        Span<byte> d = stackalloc byte[9];
        for (var k = 0; k < 9; k++)
        {
            d[k] = (byte)(t[k < 6 ? k : k + 1] - '0');
        }

        return Date(d[..6], yearFirst: false) && "0123456789ABCDEFHJKLMNPRSTUVWXY"[(int)(Number(d) % 31)] == t[10];
    }

    // Polish PESEL: YYMMDD with the century in the month (+20 for 2000s), check with 1379.
    private static bool Pesel(ReadOnlySpan<byte> d)
    {
        var month = Two(d, 2) % 20;
        if (month is < 1 or > 12 || Two(d, 4) is < 1 or > 31)
        {
            return false;
        }

        ReadOnlySpan<byte> weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var sum = 0;
        for (var k = 0; k < 10; k++)
        {
            sum += d[k] * weights[k];
        }

        return (10 - (sum % 10)) % 10 == d[10];
    }

    // Turkish TC kimlik: no leading zero, two check digits.
    private static bool TcKimlik(ReadOnlySpan<byte> d)
    {
        if (d[0] == 0)
        {
            return false;
        }

        int odd = d[0] + d[2] + d[4] + d[6] + d[8], even = d[1] + d[3] + d[5] + d[7];
        var tenth = (((odd * 7) - even) % 10 + 10) % 10;
        var sum = 0;
        for (var k = 0; k < 10; k++)
        {
            sum += d[k];
        }

        return tenth == d[9] && (sum - d[9] + tenth) % 10 == d[10];
    }

    // German Steuer-ID: no leading zero, one digit twice or three times among the first ten, ISO 7064 mod 11,10.
    private static bool SteuerId(ReadOnlySpan<byte> d)
    {
        if (d[0] == 0)
        {
            return false;
        }

        Span<int> counts = stackalloc int[10];
        foreach (var x in d[..10])
        {
            counts[x]++;
        }

        var repeated = 0;
        foreach (var c in counts)
        {
            repeated += c >= 2 ? 1 : 0;
            if (c > 3)
            {
                return false;
            }
        }

        var product = 10;
        for (var k = 0; k < 10; k++)
        {
            var sum = (d[k] + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        var check = 11 - product;
        return repeated <= 1 && (check == 10 ? 0 : check) == d[10];
    }

    // Russian СНИЛС: weights 9…1, the sum mod 101 (100 reads 00).
    private static bool Snils(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 9; k++)
        {
            sum += d[k] * (9 - k);
        }

        return Number(d[..9]) > 1001998 && sum % 101 % 100 == Two(d, 9);
    }

    private static bool Cpf(ReadOnlySpan<byte> d)
    {
        if (d[..11].IndexOfAnyExcept(d[0]) < 0)
        {
            return false; // 111.111.111-11 passes the check and is no one's
        }

        for (var len = 9; len <= 10; len++)
        {
            var sum = 0;
            for (var k = 0; k < len; k++)
            {
                sum += d[k] * (len + 1 - k);
            }

            var check = sum % 11 < 2 ? 0 : 11 - (sum % 11);
            if (check != d[len])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Cnpj(ReadOnlySpan<byte> d)
    {
        ReadOnlySpan<byte> weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        for (var len = 12; len <= 13; len++)
        {
            var sum = 0;
            for (var k = 0; k < len; k++)
            {
                sum += d[k] * weights[k + 13 - len];
            }

            var check = sum % 11 < 2 ? 0 : 11 - (sum % 11);
            if (check != d[len])
            {
                return false;
            }
        }

        return d[..14].IndexOfAnyExcept(d[0]) >= 0;
    }

    // French NIR: sex 1/2 (7/8 provisional), a month 01–12 (or 20–42, 50, 99 when unknown), 97 minus the first 13 mod 97.
    private static bool Nir(ReadOnlySpan<byte> d)
    {
        var month = Two(d, 3);
        return d[0] is 1 or 2 or 7 or 8 && (month is >= 1 and <= 12 or >= 20 and <= 42 or 50 or 99)
            && 97 - (Number(d[..13]) % 97) == Two(d, 13);
    }

    // Dutch BSN: the eleven-proof (weights 9…2, the last −1).
    private static bool Bsn(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += d[k] * (9 - k);
        }

        return (sum - d[8]) % 11 == 0 && Number(d) != 0;
    }

    // Israeli Teudat Zehut: Luhn with weights 1, 2.
    private static bool IsraeliId(ReadOnlySpan<byte> d) => Luhn(d) && d.IndexOfAnyExcept((byte)0) >= 0;

    // Hungarian TAJ: weights 3 and 7 on the first eight, mod 10.
    private static bool Taj(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += d[k] * (k % 2 == 0 ? 3 : 7);
        }

        return sum % 10 == d[8];
    }

    // Japanese individual number: 11 − Σ Pn·Qn mod 11 (0 when the remainder is 0 or 1).
    private static bool MyNumber(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            sum += d[11 - n] * (n <= 6 ? n + 1 : n - 5);
        }

        var r = sum % 11;
        return (r <= 1 ? 0 : 11 - r) == d[11];
    }

    // Indonesian NIK: province 11–94, DDMMYY (women's day +40), a serial that is not 0000.
    private static bool Nik(ReadOnlySpan<byte> d)
    {
        var day = Two(d, 6) % 40;
        return Two(d, 0) is >= 11 and <= 94 && day is >= 1 and <= 31 && Two(d, 6) <= 71 && Two(d, 8) is >= 1 and <= 12
            && Number(d[12..]) != 0;
    }

    private static readonly byte[,] VerhoeffD =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] VerhoeffP =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    // Aadhaar's Verhoeff check.
    private static bool Verhoeff(ReadOnlySpan<byte> d)
    {
        var c = 0;
        for (var k = 0; k < d.Length; k++)
        {
            c = VerhoeffD[c, VerhoeffP[k % 8, d[d.Length - 1 - k]]];
        }

        return c == 0;
    }

    // Spanish NIE: X, Y or Z (for 0, 1, 2), seven digits and the DNI's letter.
    private static bool Nie(ReadOnlySpan<char> text, int start, ReadOnlySpan<byte> d, int groups, char letter)
    {
        var lead = text[start - 1];
        if (d.Length != 7 || groups != 1 || letter == '\0' || lead is not ('X' or 'Y' or 'Z') || (start > 1 && char.IsAsciiLetterOrDigit(text[start - 2])))
        {
            return false;
        }

        return "TRWAGMYFPDXBNJZSQVHLCKE"[(int)((((lead - 'X') * 10_000_000L) + Number(d)) % 23)] == letter;
    }

    // UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; the second not O), six digits, A–D.
    private static bool UkInsurance(ReadOnlySpan<char> text, int start, ReadOnlySpan<int> shape, int end)
    {
        var lead = start >= 1 && text[start - 1] == ' ' ? start - 1 : start;
        if (lead < 2 || !(shape is [6] or [2, 2, 2]) || (lead > 2 && char.IsLetterOrDigit(text[lead - 3])))
        {
            return false;
        }

        char first = text[lead - 2], second = text[lead - 1];
        var suffix = end < text.Length && text[end] == ' ' ? end + 1 : end;
        if (!char.IsAsciiLetterUpper(first) || !char.IsAsciiLetterUpper(second) || "DFIQUV".Contains(first) || "DFIQUVO".Contains(second)
            || suffix >= text.Length || text[suffix] is < 'A' or > 'D' || (suffix + 1 < text.Length && char.IsLetterOrDigit(text[suffix + 1])))
        {
            return false;
        }

        ReadOnlySpan<char> pair = [first, second];
        return pair is not ("BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ");
    }

    // A sum of money, not an account: a currency or a unit right after the number.
    private static bool Amount(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..].TrimStart(' ');
        foreach (var unit in (ReadOnlySpan<string>)["eur", "€", "$", "usd", "gbp", "£", "zł", "pln", "руб", "₽", "円", "元", "원", "kr", "chf", "r$", "tl", "₺"])
        {
            if (after.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // One of the two words just before the number names it public ("EAN", "Rechnung Nr.", "我的订单号", "nomor HP saya"):
    // a barcode, an order, a parcel or a phone line, not a person's id, card or account.
    private static readonly string[] NumberNouns = ["number", "no", "nr", "num", "nummer", "numéro", "numero", "número", "is", "ist", "est", "es", "é", "è", "was"];

    private static bool NamedPublic(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        var line = before.LastIndexOfAny('\n', '\r');
        before = line >= 0 ? before[(line + 1)..] : before;
        var words = 0;
        var end = before.Length;
        var counted = before.Length;
        while (end > 0 && words < 2)
        {
            while (end > 0 && !char.IsLetter(before[end - 1]))
            {
                end--;
            }

            // "the same order — card 4539 …": a public noun of another phrase, a dash or a comma away from the number's own noun, names
            // something else (the twentieth session).
            // A question's or an exclamation's end too ("Par téléphone ? Bon… 5379 …"; probe 37).
            if (words == 1 && before[end..counted].IndexOfAny("—–-,;:()?!…") >= 0)
            {
                return false;
            }

            var from = end;
            while (from > 0 && char.IsLetter(before[from - 1]))
            {
                from--;
            }

            // "a CRO 0306…", "ARN 7453…": a transfer's or a card payment's reference by its acronym (probe 37).
            // A utility's supply point by its acronym ("Numer PPE: 5903…", "CUPS ES…"; probe 43).
            if (from < end && (ReferenceAcronym(before[from..end]) || SecretPhrases.ServiceAcronym(before[from..end])))
            {
                return true;
            }

            // "read out his Visa over the phone, 4000 …": a channel's noun set off by a comma from the number is how it was given (probe 37).
            // "for a cake order, 4000 …": what the card paid for, set off by a comma (probe 44: D50011).
            var channel = (Channel(before[..from]) || Purpose(before[..from])) && (words == 1 || before[end..counted].IndexOfAny(",;—–:") >= 0);
            if (from < end && SecretPhrases.NamesPublicNumber(before[from..end]) && !channel)
            {
                // "전화로 신용카드 5412 …", "over the phone, card 4000 …": a card's noun after the channel's is the number's own (probe 37).
                if (CardNamedAfter(before, from))
                {
                    return false;
                }

                // "the card on this receipt is 5412 …": the public noun says where the card is printed, not what the number is.
                return !SecretPhrases.CardOnDocument(text, start - before.Length + from);
            }

            // "order number is 4539 …": the number's own noun and the verb do not count as the two words.
            var own = from < end && SecretPhrases.OneOf(before[from..end], NumberNouns);
            words += own ? 0 : 1;
            counted = own ? counted : from;
            end = from;
        }

        return false;
    }

    // "gave my card over the phone yesterday (4012 …": a public noun after "the", "by" or "via", a word away from the number, is
    // how the number was given, not its name (probe 31: D37259).
    private static bool Channel(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(' ');
        return before.EndsWith(" the", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" by", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" via", StringComparison.OrdinalIgnoreCase);
    }

    // A preposition of means in the number's other languages before the channel's noun: "por teléfono", "pelo telefone", "par
    // téléphone", "per telefono", "am Telefon" (probe 44).
    private static readonly string[] ChannelPrepositions = [" por", " pelo", " pela", " par", " per", " am", " al"];

    // "for a cake order", "for the deposit": a purpose's noun after "for" and an article or a possessive, one word between at most.
    private static bool Purpose(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(' ');
        foreach (var preposition in ChannelPrepositions)
        {
            if (before.EndsWith(preposition, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        for (var words = 0; words < 2; words++)
        {
            foreach (var lead in (ReadOnlySpan<string>)[" for a", " for an", " for the", " for my", " for our", " for her", " for his", " for their"])
            {
                if (before.EndsWith(lead, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var space = before.LastIndexOf(' ');
            if (space < 0)
            {
                return false;
            }

            before = before[..space].TrimEnd(' ');
        }

        return false;
    }

    // A cue of the list in the number's line, up to <paramref name="back"/> characters before it or <paramref name="ahead"/> after.
    private static bool Cued(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<string> cues, int back, int ahead)
    {
        var from = Math.Max(0, start - back);
        var to = Math.Min(text.Length, end + ahead);
        var window = text[from..to];
        var at = start - from;
        var lineStart = window[..at].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = window[at..].IndexOfAny('\n', '\r');
        window = window[lineStart..(lineEnd < 0 ? window.Length : at + lineEnd)];
        foreach (var cue in cues)
        {
            var hit = window.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (cue[0] > 0x24F || hit == 0 || !char.IsLetter(window[hit - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
