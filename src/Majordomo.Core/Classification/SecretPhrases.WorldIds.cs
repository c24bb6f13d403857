using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Identity numbers and card codes named the way their own country or bank names them, after the probe <c>sensitive-lookalikes-18</c>
/// (docs/CLASSIFIER.md, "Probe 18 read by category"): national numbers' and licences' nouns in their compounds and abbreviations
/// ("Fødselsnummeret", "fødselsnr", "Führerscheinnummer", "la mia patente"); a card's security code named by where it is printed
/// ("die drei Ziffern hinten auf der Karte", "arkasındaki kod", "el código de atrás"); and the years told beside an id's noun
/// ("bin 1968 geboren", "renewal 2026"), which are no id.
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] WorldIdPhrases() =>
    [
        ("fødselsnummer", Want.Digits), ("fødselsnr", Want.Digits), ("personnr", Want.Digits), ("kennitala", Want.Digits), ("henkilötunnus", Want.Digits),
        ("führerscheinnummer", Want.Digits), ("führerscheinnr", Want.Digits), ("mia patente", Want.Digits), ("numéro de permis", Want.Digits),
        ("rijbewijsnummer", Want.Digits), ("körkortsnummer", Want.Digits), ("ehliyet numaram", Want.Digits), ("semilla", Want.Seed), ("semente", Want.Seed),

        // Probe 24: ids, tax, social-security and health numbers and accounts by their own country's names, in the languages a router
        // sees least (Malay, Filipino, Vietnamese, Persian, Urdu, Bengali, Tamil, Telugu, Marathi, Swahili, Amharic, Kazakh, Arabic,
        // Hebrew in a record's field, Turkish, Ghana, the Baltics, the Nordics, Latin America).
        ("kad pengenalan", Want.Digits), ("no ic", Want.Digits), ("no. ic", Want.Digits), ("nombor ic", Want.Digits), ("ic saya", Want.Digits),
        ("no kp", Want.Digits), ("no. kp", Want.Digits), ("mykad", Want.Digits), ("mykid", Want.Digits), ("akaun", Want.Digits), ("kwsp", Want.Digits),
        ("perkeso", Want.Digits), ("cukai pendapatan", Want.Digits), ("no. cukai", Want.Digits), ("tac", Want.Digits), ("kod tac", Want.Digits),
        ("sss", Want.Digits), ("philhealth", Want.Digits), ("pag-ibig", Want.Digits), ("pagibig", Want.Digits), ("philsys", Want.Digits),
        ("umid", Want.Digits), ("gsis", Want.Digits),
        ("mst", Want.Digits), ("mã số thuế", Want.Digits), ("ma so thue", Want.Digits), ("stk", Want.Digits), ("số tk", Want.Digits), ("bhxh", Want.Digits),
        ("کد ملی", Want.Digits), ("کدملی", Want.Digits), ("شماره ملی", Want.Digits), ("شناسنامه", Want.Digits), ("شماره کارت", Want.Digits),
        ("شبا", Want.Digits), ("گذرنامه", Want.Digits), ("شماره حساب", Want.Digits), ("رمز پویا", Want.Digits), ("رمز دوم", Want.Digits),
        ("رمز یکبار", Want.Digits), ("رمز عبور", Want.Word), ("شناختی کارڈ", Want.Digits), ("شناختی", Want.Digits), ("پاس ورڈ", Want.Word),
        ("পিন", Want.Digits), ("এনআইডি", Want.Digits), ("পরিচয়পত্র", Want.Digits), ("একাউন্ট", Want.Digits), ("অ্যাকাউন্ট", Want.Digits),
        ("পাসওয়ার্ড", Want.Word), ("পাসপোর্ট", Want.Digits), ("ஆதார்", Want.Digits), ("கணக்கு", Want.Digits), ("கடவுச்சொல்", Want.Word),
        ("ఆధార్", Want.Digits), ("ఖాతా", Want.Digits), ("పాస్‌వర్డ్", Want.Word), ("पॅन", Want.Digits), ("खाते क्रमांक", Want.Digits),
        ("kitambulisho", Want.Digits), ("namba ya id", Want.Digits), ("id yangu", Want.Digits), ("id namba", Want.Digits), ("nssf", Want.Digits),
        ("nhif", Want.Digits), ("namba ya sha", Want.Digits), ("akaunti", Want.Digits), ("nenosiri", Want.Word), ("pini", Want.Digits),
        ("ፒን", Want.Digits), ("ፒኔ", Want.Digits), ("ፋይዳ", Want.Digits), ("ሂሳብ ቁጥር", Want.Digits), ("የይለፍ ቃል", Want.Word),
        ("жсн", Want.Digits), ("иин", Want.Digits), ("құпия сөз", Want.Word), ("البطاقة الوطنية", Want.Digits), ("بطاقة التعريف", Want.Digits),
        ("teudat_zehut", Want.Digits), ("teudat zehut", Want.Digits), ("ghana card", Want.Digits), ("nhis", Want.Digits), ("t.c.", Want.Digits),
        ("isikukood", Want.Digits), ("asmens kodas", Want.Digits), ("personas kods", Want.Digits), ("samordningsnummer", Want.Digits),
        ("d-nummer", Want.Digits), ("ruc", Want.Digits), ("dui", Want.Digits),

        // A card's security code by where it is printed: three digits are the whole secret.
        ("on the back of the card", Want.Short), ("on the back of my card", Want.Short), ("hinten auf der karte", Want.Short),
        ("hinten auf meiner karte", Want.Short), ("rückseite der karte", Want.Short), ("au dos de la carte", Want.Short), ("au dos de ma carte", Want.Short),
        ("atrás de la tarjeta", Want.Short), ("detrás de la tarjeta", Want.Short), ("reverso de la tarjeta", Want.Short), ("de atrás de la tarjeta", Want.Short),
        ("atrás do cartão", Want.Short), ("verso do cartão", Want.Short), ("retro della carta", Want.Short), ("achterkant van de kaart", Want.Short),
        ("odwrocie karty", Want.Short), ("baksidan av kortet", Want.Short), ("arkasındaki", Want.Short), ("на обороте карты", Want.Short),
        ("カードの裏", Want.Short), ("卡背面", Want.Short),
    ];

    // Ids' and accounts' nouns (not codes' or PINs'): their value has five characters or more, so a year or a queue's number told
    // after them ("NIK … per 2026", "CPF … em 2026", "เลข … ปี 2527") is none (probe 24).
    private static readonly FrozenSet<string> IdNouns = FrozenSet.ToFrozenSet(
    [
        "kad pengenalan", "no ic", "no. ic", "nombor ic", "ic saya", "no kp", "no. kp", "mykad", "mykid", "akaun", "kwsp", "perkeso", "cukai pendapatan",
        "no. cukai", "sss", "philhealth", "pag-ibig", "pagibig", "philsys", "umid", "gsis", "mst", "mã số thuế", "ma so thue", "stk", "số tk", "bhxh",
        "کد ملی", "کدملی", "شماره ملی", "شناسنامه", "شماره کارت", "شبا", "گذرنامه", "شماره حساب", "شناختی کارڈ", "شناختی", "এনআইডি", "পরিচয়পত্র",
        "একাউন্ট", "অ্যাকাউন্ট", "পাসপোর্ট", "ஆதார்", "கணக்கு", "ఆధార్", "ఖాతా", "पॅन", "खाते क्रमांक", "kitambulisho", "namba ya id", "id yangu",
        "id namba", "nssf", "nhif", "namba ya sha", "akaunti", "ፋይዳ", "ሂሳብ ቁጥር", "жсн", "иин", "البطاقة الوطنية", "بطاقة التعريف", "teudat_zehut",
        "teudat zehut", "ghana card", "nhis", "t.c.", "isikukood", "asmens kodas", "personas kods", "samordningsnummer", "d-nummer", "ruc", "dui", "cuil", "cuit", "nric",
        "nik", "npwp", "nomor ktp", "bpjs", "cpf", "pesel", "kimlik", "cnp", "amka", "αμκα", "αφμ", "aadhar", "आधार", "căn cước", "cccd", "cmnd",
        "เลขบัตรประชาชน", "บัตรประชาชน", "เลขประจำตัว", "henkilötunnu", "hetu", "personnummer", "fødselsnummer", "kennitala", "curp", "nif", "nie",
        "bsn", "снилс", "инн", "身份证", "マイナンバー", "주민등록번호", "cédula", "carteira de identidade", "rodné číslo", "adóazonosító", "taj szám",
        "dni", "passport", "reisepass", "passeport", "pasaporte", "passaporte", "passaporto", "paspoort", "paszport", "паспорт", "pasaport", "paspor",
        "pașaport", "hộ chiếu", "पासपोर्ट", "جواز السفر", "דרכון", "διαβατήριο", "útlevél", "cestovní pas", .. RomanisedIdNouns, .. LocalIdNouns, .. PolicyNouns,
        .. DossierIdNouns, .. PayTvCardNouns, .. VisaNouns, .. FinanceIdNouns, .. LanguageGapIdNouns, .. GovernmentIdNouns, .. EducationIdNouns,
    ], StringComparer.OrdinalIgnoreCase);

    // Words after a year that say it is one: a birth year, a model year ("bin 1968 geboren", "born 1975").
    private static readonly string[] YearAfterWords =
    [
        "geboren", "born", "geb.", "né", "née", "nacid", "nato", "nata", "urodz", "född", "født", "doğum", "рожд", "года", "г.", "baujahr", "model",
    ];

    // Words before a year that say it is one, besides YearWords' prepositions: a renewal, an issue or expiry, a year's own name.
    private static readonly string[] YearBeforeWords =
    [
        "renewal", "renewed", "issued", "ausgestellt", "expires", "expiry", "valid", "gültig", "bis", "jahrgang", "year", "jahr", "von", "vom", "ab",
        "année", "año", "ano", "anno", "rok", "год", "yıl", "depuis", "hasta", "fino", "tot", "do", "до",
    ];

    /// <summary>A four-digit 19xx or 20xx at <paramref name="start"/> named a year by a word just before or after it.</summary>
    private static bool YearByItsWords(ReadOnlySpan<char> window, int start, int end)
    {
        var after = window[end..].TrimStart(" ,");
        foreach (var word in YearAfterWords)
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var before = window[..start].TrimEnd(" :");
        foreach (var word in YearBeforeWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A value that is no secret by what stands next to it: a public number's noun right before it ("passport renewal (ref
    /// APPT-77120)") or a form's blanks right after it ("IBAN : FR76 ____ ____").
    /// </summary>
    private static bool PublicOrBlank(ReadOnlySpan<char> window, int start, int end)
    {
        var after = window[end..].TrimStart(' ');
        if (after.StartsWith("__", StringComparison.Ordinal) || SensitiveScanner.Timestamp(window[start..]) || SensitiveScanner.ShownAsExample(window, start)
            || DashedUnit(window[start..end]) || PublicByDesign(WholeToken(window, start, end)))
        {
            return true;
        }

        var before = window[..start].TrimEnd(" :#(");
        var from = before.Length;
        while (from > 0 && char.IsLetter(before[from - 1]))
        {
            from--;
        }

        return from < before.Length && OneOf(before[from..], ReferenceNouns);
    }

    // A reference's, a booking's or an appointment's noun right before a value: the value is that reference.
    private static readonly string[] ReferenceNouns =
    [
        "ref", "réf", "reference", "référence", "referenz", "referencia", "referência", "riferimento", "appointment", "termin", "booking", "ticket",
        "invoice", "order", "tracking", "case", "vorgang", "aktenzeichen",
    ];

    // Words that say a bank or a service never asks for the secret named next ("We will never ask for your PIN"): a notice, no value.
    private static readonly string[] NeverWords =
    [
        "never ask", "never request", "will never", "won't ever", "nunca le pedir", "nunca te pedir", "nunca pedir", "nunca solicit", "jamais",
        "niemals", "non ti chiederemo mai", "non le chiederemo mai", "nooit", "nigdy nie", "никогда не", "asla ", "aldrig", "決して", "绝不", "절대",
    ];

    /// <summary>The secret's noun at <paramref name="at"/> follows a "never ask" in its sentence, within 64 characters.</summary>
    private static bool NeverAsked(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 64)..at];
        var stop = before.LastIndexOfAny(".!?\n\r");
        before = before[(stop + 1)..];
        foreach (var word in NeverWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Probe 24: what the number after an id's noun is when it is no id. A service's line, a queue's or an appointment's number, a
    // business's paybill or till, named between the noun and the number or just before the noun ("tổng đài BHXH là 1900 9068", "SSS
    // Makati hotline 8920-6446"); an id's first digits asked about ("starts with 870415", "zaczyna się od 02"); a validator's weights.
    private static readonly string[] ServiceWords =
    [
        "hotline", "helpline", "help line", "call center", "callcenter", "call centre", "customer care", "customer service", "tổng đài", "đường dây nóng",
        "ہیلپ لائن", "ہیلپ", "হেল্পলাইন", "হটলাইন", "हेल्पलाइन", "خط المساعدة", "الخط الساخن", "پشتیبانی", "randevu", "appointment", "cita", "localizador",
        "turno", "queue", "antrian", "sıra no", "số thứ tự", "paybill", "pay bill", "till number", "till no", "till ya", "buy goods", "merchant",
        "مركز الاتصال", "колл-центр", "горячая линия", "байланыс орталығы",
    ];

    // A company's number named between an id's noun and the number ("RFC de la empresa: …", "NPWP perusahaan …").
    private static readonly string[] CompanyWords =
    [
        "de la empresa", "da empresa", "empresa", "company", "company's", "business", "syarikat", "perusahaan", "doanh nghiệp", "công ty", "firma",
        "firmy", "şirket", "εταιρ", "شركة", "شرکت", "кампани", "компании", "организации", "kampuni", "kompanya",
    ];

    internal static readonly string[] PrefixWords =
    [
        "starts with", "start with", "begins with", "first digits", "first two", "first six", "zaczyna się od", "zaczyna sie od", "começa com",
        "comeca com", "empieza por", "empieza con", "comienza con", "commence par", "beginnt mit", "inizia con", "inizia per", "begint met",
        "начинается с", "начинается на", "ile başl", "bắt đầu", "dimulai", "diawali", "bermula", "nagsisimula", "huanza", "يبدأ", "تبدأ",
        "شروع میشه", "شروع می", "börjar med", "alkaa", "kezdőd", "začíná", "începe cu", "ξεκινά", "מתחיל", "מתחילה",
    ];

    /// <summary>
    /// The number told after the id noun ending at <paramref name="end"/> is none of its kind: a service's or a queue's number named
    /// between (or right before the noun at <paramref name="at"/>), the id's first digits asked about, a validator's weights.
    /// </summary>
    private static bool WorldIdNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var between = window[..digit];
        if (SentenceEnd(between) < between.Length)
        {
            return false;
        }

        // After a code's own noun, single digits joined by commas are the code dictated ("código del portal 4,7,1,9"; probe 41), not weights.
        if (WordIn(between[Math.Max(0, between.Length - 24)..], SensitiveScanner.ValidatorWords) || (WeightList(window[digit..]) && !IsCodeWord(phrase) && !phrase.EndsWith(" code", StringComparison.Ordinal))
            || WordIn(between, CompanyWords))
        {
            return true;
        }

        // A code's first digits are a secret told in part ("the safe's code starts with 90"): only an id's prefix or line is public.
        if (!IdNouns.Contains(phrase) && want != Want.Wallet)
        {
            return false;
        }

        // A service's word earlier in the line names the noun's number when it stands in the noun's clause or heads a list of numbers
        // ("SSS Makati hotline 8920-6446, PhilHealth …"); not an errand told before it ("hastane randevusu için MHRS'ye giriyorum, TC
        // kimlik no …": probe 50).
        var line = text[Math.Max(0, at - 80)..at];
        line = line[(line.LastIndexOfAny('\n', '\r') + 1)..];
        var clause = line[(line.LastIndexOfAny(',', ';') + 1)..];
        return WordIn(between, ServiceWords) || WordIn(between, PrefixWords) || WordIn(clause, ServiceWords)
            || (WordIn(line, ServiceWords) && line.IndexOfAnyInRange('0', '9') >= 0);
    }

    /// <summary>
    /// One of <paramref name="words"/> at a word's start in <paramref name="text"/>: a stem ("kimlik" in "kimliği", "student" in
    /// "students"). A word that must end there too ("no" is not "November", "SA" not "sales") is <see cref="WholeWordsIn"/>'s.
    /// </summary>
    internal static bool WordIn(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            foreach (var k in Occurrences(text, word))
            {
                if (k == 0 || !char.IsLetter(text[k - 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One of <paramref name="words"/> as a whole word in <paramref name="text"/>: no letter just before it or just after it. A word in a
    /// script written without spaces (CJK) has no boundary to check.
    /// </summary>
    internal static bool WholeWordsIn(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            foreach (var k in Occurrences(text, word))
            {
                var end = k + word.Length;
                if (word[0] >= 0x2E80 || ((k == 0 || !char.IsLetter(text[k - 1])) && (end == text.Length || !char.IsLetter(text[end]))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Single digits joined by commas, four or more ("1,3,7,9", "2,7,9,1,4,6"): a validator's weights; or a run that counts up from
    /// 0 or 1 into letters ("0123456789ABCDEFHJ…"): a check character's alphabet.
    /// </summary>
    internal static bool WeightList(ReadOnlySpan<char> run)
    {
        if (run.StartsWith("0123456789", StringComparison.Ordinal) || run.StartsWith("123456789A", StringComparison.Ordinal))
        {
            return true;
        }

        // China's weights run to 10 ("7,9,10,5,8,4,2,…"): an item of one digit or two.
        var count = 0;
        var k = 0;
        while (k < run.Length && char.IsAsciiDigit(run[k]) && (k + 1 == run.Length || !char.IsAsciiDigit(run[k + 1]) || (k + 2 < run.Length && run[k] == '1' && run[k + 1] == '0' && !char.IsAsciiDigit(run[k + 2]))))
        {
            count++;
            k += k + 1 < run.Length && char.IsAsciiDigit(run[k + 1]) ? 2 : 1;
            if (k + 1 < run.Length && run[k] == ',' && char.IsAsciiDigit(run[k + 1]))
            {
                k++;
                continue;
            }

            if (k + 2 < run.Length && run[k] == ',' && run[k + 1] == ' ' && char.IsAsciiDigit(run[k + 2]))
            {
                k += 2;
                continue;
            }

            break;
        }

        return count >= 4;
    }

    /// <summary>A card statement's merchant descriptor ("US*2K7HR", "PAYPAL*SPOTIFYP3"): capitals and digits around a '*', no lower case.</summary>
    private static bool StatementDescriptor(ReadOnlySpan<char> token) =>
        token.IndexOf('*') >= 0 && !token.ContainsAnyInRange('a', 'z') && token.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*") < 0;
}
