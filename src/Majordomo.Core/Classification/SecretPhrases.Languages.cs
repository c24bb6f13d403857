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
    /// such a prefix (not any letters: "מיקוד" is a postal code, not a "קוד"). Thai writes words without spaces: its nouns
    /// need no word start.
    /// </summary>
    private static bool GluedStart(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase[0] is >= '\u0E00' and <= '\u0E7F')
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
}
