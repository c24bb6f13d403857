namespace Majordomo.Classification;

/// <summary>
/// Secret and id nouns in the languages the first lists left thin (after the blind probe <c>sensitive-lookalikes-15</c>,
/// docs/CLASSIFIER.md "More languages"): Greek, Hungarian, Czech, Romanian, Hebrew, Arabic, Thai, Finnish, Indonesian,
/// Hindi, Ukrainian, Vietnamese and Danish — codes (a bank SMS's "קוד 630 281", "kód 552 109", a Hungarian gate's
/// "kapukód"), security questions, passports, identity cards, national, tax and health numbers by their names. Hebrew and
/// Arabic glue their article and prepositions to the noun ("הדרכון", "بالرقم") and Thai writes no spaces, so those nouns
/// need no word start. A code named public in these languages (kode pos, poštovní, irányító…) stays public.
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases (a method, so the order the partial files' fields initialise in does not matter).
    private static (string Phrase, Want Want)[] LanguagePhrases() =>
    [
        // Codes: a bank's one-time code, a door's or a gate's.
        ("kód", Want.Digits), ("kódot", Want.Digits), ("kódom", Want.Digits), ("kapukód", Want.Digits), ("ajtókód", Want.Digits),
        ("riasztókód", Want.Digits), ("belépőkód", Want.Digits), ("kaputelefon", Want.Digits), ("ellenőrző kód", Want.Notice),
        ("megerősítő kód", Want.Notice), ("ověřovací kód", Want.Notice), ("potvrzovací kód", Want.Notice), ("kód od", Want.Digits),
        ("kode", Want.Digits), ("kode otp", Want.Notice), ("kode verifikasi", Want.Notice), ("pinkode", Want.Digits), ("dørkode", Want.Digits),
        ("koodi", Want.Digits), ("vahvistuskoodi", Want.Notice), ("tunnusluku", Want.Digits), ("ovikoodi", Want.Digits), ("pin-koodi", Want.Digits),
        ("codul", Want.Digits), ("cod de verificare", Want.Notice), ("cod de confirmare", Want.Notice), ("cod pin", Want.Digits),
        ("codul pin", Want.Digits), ("cod de acces", Want.Digits), ("κωδικό", Want.Digits), ("κωδικός επιβεβαίωσης", Want.Notice),
        ("קוד", Want.Digits), ("קוד אימות", Want.Notice), ("קוד הכניסה", Want.Digits), ("كود", Want.Digits), ("كود تحقق", Want.Notice),
        ("كود التحقق", Want.Notice), ("رمز التحقق", Want.Notice), ("رمز تحقق", Want.Notice), ("رمز الدخول", Want.Digits),
        // A card's PIN is its "secret number" ("الرقم السري لبطاقة الصراف", the twenty-first session).
        ("الرقم السري", Want.Digits), ("الرقم السرّي", Want.Digits), ("رقمي السري", Want.Digits), ("رقم سري", Want.Digits), ("الرمز السري", Want.Digits),
        ("รหัสผ่าน", Want.Word), ("รหัส otp", Want.Notice), ("รหัสยืนยัน", Want.Notice), ("รหัสประตู", Want.Digits), ("ओटीपी कोड", Want.Notice),
        ("वेरिफिकेशन कोड", Want.Notice), ("mã otp", Want.Notice), ("mã cửa", Want.Digits), ("код підтвердження", Want.Notice),

        // Security questions and their answers.
        ("întrebarea de securitate", Want.Answer), ("intrebarea de securitate", Want.Answer), ("întrebare de securitate", Want.Answer),
        ("răspunsul la întrebare", Want.Answer), ("ερώτηση ασφαλείας", Want.Answer), ("ερώτησης ασφαλείας", Want.Answer),
        ("biztonsági kérdés", Want.Answer), ("bezpečnostní otáz", Want.Answer), ("kontrolní otáz", Want.Answer), ("שאלת אבטחה", Want.Answer),
        ("שאלת הביטחון", Want.Answer), ("שאלת האבטחה", Want.Answer), ("سؤال الأمان", Want.Answer), ("السؤال السري", Want.Answer),
        ("سؤال الامان", Want.Answer), ("turvakysymy", Want.Answer), ("คำถามความปลอดภัย", Want.Answer), ("sikkerhedsspørgsmål", Want.Answer),
        ("bezpečnostní odpověď", Want.Answer), ("biztonsági válasz", Want.Answer),

        // Passports, identity cards, national, tax and health numbers by their names.
        ("דרכון", Want.Digits), ("ת.ז", Want.Digits), ("מספר זהות", Want.Digits), ("תעודת הזהות", Want.Digits), ("מספר תיק", Want.Digits),
        ("الرقم القومي", Want.Digits), ("رقمي القومي", Want.Digits), ("رقم قومي", Want.Digits), ("الرقم الوطني", Want.Digits),
        ("جواز السفر", Want.Digits), ("رقم الجواز", Want.Digits), ("بطاقة الهوية", Want.Digits), ("رقم البطاقة", Want.Digits),
        ("διαβατήριο", Want.Digits), ("διαβατηρίου", Want.Digits), ("ταυτότητα", Want.Digits), ("ταυτότητας", Want.Digits), ("αμκα", Want.Digits),
        ("αφμ", Want.Digits), ("cnp", Want.Digits), ("buletin", Want.Digits), ("pașaport", Want.Digits), ("pasaport", Want.Digits),
        ("carte de identitate", Want.Digits), ("személyi igazolvány", Want.Digits), ("személyim", Want.Digits), ("útlevél", Want.Digits),
        ("útlevelem", Want.Digits), ("taj szám", Want.Digits), ("taj-szám", Want.Digits), ("adószám", Want.Digits), ("cestovní pas", Want.Digits),
        ("číslo pasu", Want.Digits), ("číslo op", Want.Digits), ("henkilötunnu", Want.Digits), ("hetu", Want.Digits), ("passin numero", Want.Digits),
        ("kela-kortti", Want.Digits), ("npwp", Want.Digits), ("paspor", Want.Digits), ("bpjs", Want.Digits), ("पासपोर्ट", Want.Digits),
        ("id-картк", Want.Digits), ("id картк", Want.Digits), ("ід-картк", Want.Digits), ("закордонного паспорта", Want.Digits),
        ("hộ chiếu", Want.Digits), ("số cccd", Want.Digits), ("cpr-nummer", Want.Digits), ("cpr nummer", Want.Digits), ("pas nummer", Want.Digits),
        ("เลขบัตรประชาชน", Want.Digits), ("บัตรประชาชน", Want.Digits), ("เลขประจำตัว", Want.Digits), ("หนังสือเดินทาง", Want.Digits),
        ("เลขผู้ป่วย", Want.Digits), ("cnh", Want.Digits), ("carteira de habilitação", Want.Digits), ("registro da cnh", Want.Digits),
    ];

    // A code these languages name as public: postal (kode pos, poštovní, irányító…), error, tracking, booking.
    private static readonly string[] LanguagePublicCodes =
    [
        "pos", "poštovní", "psč", "irányító", "irányítószám", "postai", "hiba", "hibakód", "chyby", "chybový", "kesalahan", "pelacakan",
        "booking", "promo", "voucher", "kupon", "postinumero", "virhe", "virhekoodi", "poștal", "postal", "eroare", "de eroare", "rezervare",
        "ταχυδρομικός", "σφάλματος", "דואר", "מיקוד", "שגיאה", "بريدي", "البريدي", "خطأ", "ไปรษณีย์", "postnummer", "fejl",
    ];

    /// <summary>A code word of these languages, read like <see cref="IsCodeWord"/>'s ("kód 552 109", not "kode pos 40115").</summary>
    private static bool IsLanguageCodeWord(string phrase) => phrase is "kód" or "kode" or "koodi" or "codul" or "קוד" or "كود" or "κωδικό";

    /// <summary>
    /// Hebrew and Arabic glue the article and one-letter prepositions to a noun ("הדרכון", "والرقم"): those nouns may follow
    /// such a prefix (not any letters: "מיקוד" is a postal code, not a "קוד"). Thai, Lao, Burmese and Khmer write words
    /// without spaces: their nouns need no word start.
    /// </summary>
    private static bool GluedStart(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (NoSpaceScript(phrase[0]))
        {
            return true;
        }

        if (phrase[0] is not (>= '\u0590' and <= '\u06FF'))
        {
            return false;
        }

        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1]) && at - start < 3)
        {
            start--;
        }

        if (start > 0 && char.IsLetter(text[start - 1]))
        {
            return false;
        }

        var prefix = text[start..at];
        return prefix.IsEmpty || (phrase[0] < '\u0600' ? prefix.IndexOfAnyExcept("והבכלמש") < 0 : prefix.IndexOfAnyExcept("والبفك") < 0);
    }

    // Wallets in the thin languages and Latin American Spanish: seed words follow ("las palabras de mi billetera: tigre, luna, …").
    private static (string Phrase, Want Want)[] LanguageSeedPhrases() =>
    [
        ("billetera", Want.Seed), ("monedero", Want.Seed), ("peněženk", Want.Seed), ("pénztárc", Want.Seed), ("πορτοφόλι", Want.Seed),
        ("dompet", Want.Seed), ("lompakko", Want.Seed), ("portofel", Want.Seed), ("ארנק", Want.Seed), ("محفظة", Want.Seed), ("гаманц", Want.Seed),
        ("гаманець", Want.Seed), ("वॉलेट", Want.Seed), ("ví tiền", Want.Seed), ("ví crypto", Want.Seed), ("tegnebog", Want.Seed),
    ];

    // Digit words of the thin languages, for codes told one digit at a time ("επτά-τέσσερα-δύο-ένα", "hét, egy, nyolc, három");
    // appended to Spelled.DigitWordList (each row counts up; words the list holds already are left out: "zero", "один"). Scripts
    // whose vowels are combining marks (Devanagari, Thai) are left out: the words are read letter by letter.
    private static class LanguageDigits
    {
        internal static readonly (string Word, int Digit)[] Words =
        [
            ("μηδέν", 0), ("ένα", 1), ("δύο", 2), ("τρία", 3), ("τέσσερα", 4), ("πέντε", 5), ("έξι", 6), ("επτά", 7), ("οκτώ", 8), ("εννέα", 9),
            ("ενα", 1), ("δυο", 2), ("τρια", 3), ("τεσσερα", 4), ("πεντε", 5), ("εξι", 6), ("εφτά", 7), ("οχτώ", 8), ("εννιά", 9),
            ("unu", 1), ("doi", 2), ("trei", 3), ("patru", 4), ("cinci", 5), ("șase", 6), ("șapte", 7), ("opt", 8), ("nouă", 9),
            ("nulla", 0), ("egy", 1), ("kettő", 2), ("három", 3), ("négy", 4), ("öt", 5), ("hat", 6), ("hét", 7), ("nyolc", 8), ("kilenc", 9),
            ("nula", 0), ("jedna", 1), ("dva", 2), ("tři", 3), ("čtyři", 4), ("pět", 5), ("šest", 6), ("sedm", 7), ("osm", 8), ("devět", 9),
            ("nolla", 0), ("yksi", 1), ("kaksi", 2), ("kolme", 3), ("neljä", 4), ("viisi", 5), ("kuusi", 6), ("seitsemän", 7), ("kahdeksan", 8), ("yhdeksän", 9),
            ("nol", 0), ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7), ("delapan", 8), ("sembilan", 9),
            ("нуль", 0), ("чотири", 4), ("шість", 6), ("сім", 7), ("вісім", 8),
            ("không", 0), ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9),
            ("אפס", 0), ("אחת", 1), ("שתיים", 2), ("שלוש", 3), ("ארבע", 4), ("חמש", 5), ("שש", 6), ("שבע", 7), ("שמונה", 8), ("תשע", 9),
            ("صفر", 0), ("واحد", 1), ("اثنان", 2), ("ثلاثة", 3), ("أربعة", 4), ("خمسة", 5), ("ستة", 6), ("سبعة", 7), ("ثمانية", 8), ("تسعة", 9),
        ];
    }

    // India calls its postal code a PIN code: six digits with a place word in the sentence is an address ("pincode 110001 konsa
    // area hai"), not a PIN. A card's or an ATM's PIN says so ("my debit card pin code is 560034").
    private static readonly string[] PlaceWords =
    [
        "area", "city", "town", "district", "locality", "village", "post office", "address", "state", "delivery", "deliver", "courier",
        "shipping", "location", "konsa", "kaunsa", "kahan", "kaha", "jagah", "shahar", "ilaka", "gaon", "pata", "zila", "jila", "क्षेत्र",
        "शहर", "जिला", "जिले", "पता", "डाकघर", "इलाका", "इलाके", "गांव", "गाँव", "कहां", "कहाँ", "कौन सा", "किस",
    ];

    private static readonly string[] PinOwners = ["card", "atm", "debit", "credit", "bank", "sim", "upi", "phone", "कार्ड", "एटीएम"];

    private static bool PostalPin(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        // "pincode" and "pin code" are read by the bare "code" too ("pin" before it names it secret).
        var before = text[..at];
        if (phrase is not ("pin" or "pincode" or "pin code" or "पिन") && !(phrase == "code" && (before.EndsWith("pin", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("pin ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("pin-", StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 24)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var run = window[digit..];
        var length = run.IndexOfAnyExceptInRange('0', '9');
        if ((length < 0 ? run.Length : length) != 6 || run[0] == '0')
        {
            return false;
        }

        var from = Math.Max(0, at - 80);
        var sentence = text[from..Math.Min(text.Length, end + 100)];
        var start = sentence[..(at - from)].LastIndexOfAny(SentenceEnds) + 1;
        var stop = sentence[(end - from)..].IndexOfAny(SentenceEnds);
        sentence = sentence[start..(stop < 0 ? sentence.Length : end - from + stop)];
        foreach (var owner in PinOwners)
        {
            if (sentence.Contains(owner, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var place in PlaceWords)
        {
            var hit = sentence.IndexOf(place, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (place[0] > 0x24F || hit == 0 || !char.IsLetter(sentence[hit - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Values these categories read after a noun: an app password's four letter groups after a password noun, a quoted password
    /// after "pass" ("the pass is 'mango7tree!!'", "hotspot pass \"beach4days#\"": letters with a digit or a symbol), or after a user
    /// name's pair (<see cref="UserAndPass"/>; "pass" takes no suffix, so its noun starts four characters before <paramref name="end"/>).
    /// </summary>
    private static bool LanguageValue(ReadOnlySpan<char> text, int end, Want want, string phrase) =>
        (want == Want.Word && AppPassword(text, end)) || (phrase == "pass" && (QuotedPass(text, end) || UserAndPass(text, end - phrase.Length, end))) || (want == Want.Word && HomeWordValue(text, end, phrase));

    private static bool QuotedPass(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 60)].TrimStart(' ');
        foreach (var connector in (ReadOnlySpan<string>)["is ", "was ", ": ", ":", "= ", "="])
        {
            if (rest.StartsWith(connector, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[connector.Length..];
                break;
            }
        }

        if (rest.Length < 3 || rest[0] is not ('\'' or '"' or '‘' or '“' or '«' or '„'))
        {
            return false;
        }

        var close = rest[1..].IndexOfAny("'\"’”»“");
        if (close < 4 || close > 40)
        {
            return false;
        }

        var value = rest.Slice(1, close);
        return value.IndexOf(' ') < 0 && value.IndexOfAnyInRange('a', 'z') >= 0 && (value.IndexOfAnyInRange('0', '9') >= 0 || value.IndexOfAny("!#$%&*@?+") >= 0)
            && !DummyValue(value);
    }
}
