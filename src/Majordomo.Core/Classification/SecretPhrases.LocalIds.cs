using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Ids, accounts and records named in the languages of the probe <c>sensitive-lookalikes-34</c> (docs/CLASSIFIER.md, "Probe 34 read
/// by category, part two"): national and voter ids, passports, tax and social numbers, hospital and file numbers, bank accounts —
/// one table, a row a language, so a later reader adds a language's nouns beside the ones it has. Khmer, Lao and Burmese write no
/// spaces between words (their nouns need no word start, as Thai's); acronyms that are words elsewhere count only in capitals
/// ("MRD" is German for a billion, "FİN" Turkish-dotted, "TSI" a company).
/// </summary>
internal static partial class SecretPhrases
{
    // Language → its id, account and record nouns (lower case; matched case-insensitively; inflections that add more than four
    // letters are rows of their own: Somali "akoonkayga").
    // A property, not a field: Phrases reads it while the partial files' fields initialise, in an order C# leaves open.
    private static (string Language, string[] Nouns)[] LocalIdTable =>
    [
        ("sq", ["numri personal", "nr. personal", "nr personal", "numër personal", "numrin personal", "letërnjoftim", "pasaportë", "pasaporta", "numri i llogarisë", "llogaria bankare"]),
        ("ca", ["targeta sanitària", "targeta sanitaria", "número de compte", "passaport", "seguretat social"]),
        ("gl", ["tarxeta sanitaria", "número de conta", "pasaporte"]),
        ("eu", ["nortasun agiri", "osasun txartel", "kontu zenbaki", "kontu korronte"]),
        ("cy", ["rhif gig", "rhif y gig", "rhif yswiriant gwladol", "rhif pasbort", "pasbort", "rhif cyfrif", "rhif y cyfrif"]),
        ("ga", ["uimhir pps", "uimhir phearsanta", "uimhir chuntais", "cuntas bainc", "uimhir phas"]),
        ("is", ["reikningsnúmer", "vegabréf", "vegabréfsnúmer"]),
        ("mt", ["karta tal-identità", "numru tal-id", "numru tal-kont", "passaport"]),
        ("hy", ["անձնագիր", "անձնագրի", "համարանիշ", "սոցիալական քարտ", "բժշկական քարտ", "հաշվեհամար", "նույնականացման քարտ", "բանկային հաշիվ"]),
        ("ka", ["პირადი ნომ", "პირადობის მოწმობ", "პასპორტ", "ანგარიშის ნომერ", "საბანკო ანგარიშ", "ანგარიში"]),
        ("az", ["şəxsiyyət vəsiqə", "sığorta polis", "hesab nömrə", "pasport nömrə"]),
        ("kk", ["жеке куәлік", "төлқұжат", "шот нөмірі", "жеке сәйкестендіру"]),
        ("uz", ["jshshir", "жшшир", "shaxsiy raqam", "hisob raqam", "pasport raqam", "pasport seriya"]),
        ("ky", ["эсеп номери", "жеке номер", "паспорттун"]),
        ("mn", ["регистрийн дугаар", "регистрийн №", "дансны дугаар", "данс", "иргэний үнэмлэх", "гадаад паспорт"]),
        ("am", ["መታወቂያ", "የመታወቂያ", "ፓስፖርት", "የሂሳብ ቁጥር", "የባንክ ሂሳብ", "የካርድ ቁጥር", "የታካሚ ቁጥር"]),
        ("ti", ["ቁጽሪ መንነት", "መንነት", "ሕሳብ", "ቁጽሪ ፋይል", "ቁጽሪ ካርድ"]),
        ("so", ["akoon", "akoonka", "akoonkayga", "akoonkaaga", "koontada", "lambarka aqoonsiga", "kaarka aqoonsiga", "baasaboor"]),
        ("sw", ["pasipoti", "namba ya nida", "nambari ya nida", "nambari ya akaunti", "namba ya akaunti", "namba ya mgonjwa"]),
        ("yo", ["nọ́mbà àkáǹtì", "nomba akanti", "àkáǹtì", "nọ́mbà ìdánimọ̀", "nomba idanimo"]),
        ("ha", ["lambar asusu", "asusun banki", "katin shaida", "lambar shaida", "fasfo"]),
        ("ig", ["akaụntụ", "akauntu", "nọmba akaụntụ", "nọmba njirimara"]),
        ("zu", ["inombolo kamazisi", "umazisi", "kamazisi", "i-akhawunti", "akhawunti", "iphasipothi"]),
        ("xh", ["inombolo yesazisi", "isazisi", "yesazisi", "iakhawunti", "yeakhawunti", "ipaspoti"]),
        ("mg", ["karatra famantarana", "kara-panondro", "karapanondro", "laharana kaonty", "kaonty", "pasipaoro"]),
        ("tl", ["numero ng account", "account ko sa", "pasaporte ko"]),
        ("jv", ["nomer rekening", "nomer ktp", "nomer nik"]),
        ("ps", ["تذکره", "تذکرې", "تذکیره", "د حساب شمېره", "پاسپورت"]),
        ("fa", ["پاسپورت", "شماره پرونده"]),
        ("ur", ["پاسپورٹ", "اکاؤنٹ نمبر", "کھاتہ نمبر"]),
        ("pa", ["ਆਧਾਰ", "ਖਾਤਾ", "ਪਾਸਪੋਰਟ", "ਪੈਨ ਨੰਬਰ"]),
        ("gu", ["આધાર", "ખાતા નંબર", "ખાતું", "પાસપોર્ટ", "પાન નંબર", "પેન નંબર"]),
        ("ne", ["नागरिकता नं", "नागरिकता प्रमाणपत्र", "नागरिकता नम्बर", "राहदानी", "खाता नं.", "नागरिकता नं.", "खाता", "ना.प्र.नं", "ना.प्र.नं.", "ना. प्र. नं.",
            "नागरिकता प्रमाणपत्र नं.", "नागरिकता प्र.प.नं."]),
        ("mr", ["आधार", "खाते नंबर", "पासपोर्ट क्रमांक"]),
        // India's pupil registries (probe 39): APAAR, Maharashtra's SARAL; a school's UDISE code is the school's, no pupil's.
        ("hi-mr", ["अपार आयडी", "अपार आईडी", "सरल आयडी", "सरल आईडी", "apaar id", "saral id"]),
        ("or", ["ଆଧାର"]),
        ("bo", ["ལག་ཁྱེར་ཨང་གྲངས", "ཐོབ་ཐང་ལག་ཁྱེར"]),
        ("ta", ["கடவுச்சீட்டு", "பான் எண்", "வங்கி கணக்கு"]),
        ("te", ["పాస్‌పోర్ట్", "పాస్పోర్ట్", "పాన్ నంబర్", "బ్యాంక్ ఖాతా"]),
        ("kn", ["ಆಧಾರ್", "ಪಾಸ್‌ಪೋರ್ಟ್", "ಪಾಸ್ಪೋರ್ಟ್", "ಖಾತೆ", "ಪ್ಯಾನ್"]),
        ("ml", ["ആധാർ", "അക്കൗണ്ട്", "പാസ്‌പോർട്ട്", "പാസ്പോർട്ട്", "പാൻ നമ്പർ"]),
        ("si", ["හැඳුනුම්පත", "හැඳුනුම්පත්", "ගිණුම් අංකය", "ගිණුම", "ගමන් බලපත්‍ර", "ජා.හැ.අ", "ජා.හැ.අ.", "ජා. හැ. අ."]),
        ("km", ["គណនី", "អត្តសញ្ញាណប័ណ្ណ", "លិខិតឆ្លងដែន"]),
        ("lo", ["ບັນຊີ", "ບັດປະຈຳຕົວ", "ໜັງສືຜ່ານແດນ"]),
        ("my", ["မှတ်ပုံတင်", "နိုင်ငံသားစိစစ်ရေးကတ်", "အကောင့်နံပါတ်", "ဘဏ်အကောင့်", "နိုင်ငံကူးလက်မှတ်", "နိုင်)"]),
    ];

    // Currencies of these countries after a number: an amount ("5000 төгрөг", "3000 രൂപ"), no id.
    private static string[] LocalCurrencies =>
    [
        "төгрөг", "₮", "драм", "դրամ", "лари", "ლარი", "₾", "manat", "azn", "теңге", "₸", "so'm", "сўм", "сом", "lekë", "leke", "ብር", "birr", "nakfa",
        "ናቕፋ", "ksh", "tsh", "ugx", "shilingi", "ariary", "naira", "₦", "rand", "ກີບ", "kip", "រៀល", "riel", "ကျပ်", "kyat", "रुपैयाँ", "रुपैयां", "रुपये",
        "रुपया", "रुपए", "രൂപ", "ರೂಪಾಯಿ", "રૂપિયા", "ਰੁਪਏ", "ரூபாய்", "రూపాయలు", "රුපියල්", "টাকা", "افغانۍ", "افغانی", "تومان", "ریال", "روپے", "₹",
        "dollars", "doolar", "dola", "ڈالر", "डलर", "ডলার", "ដុល្លារ", "ໂດລາ", "ဒေါ်လာ",
    ];

    // Phones and helplines of these languages before a number: a public line, no account ("ስልክ 0911…", "lambar waya").
    private static string[] LocalPublicStems =>
    [
        "ስልክ", "ተሌፎን", "ቴሌፎን", "taleefan", "finday", "umnxeba", "ifowuni", "fóònù", "ekwentị", "lambar waya", "lambar taimako", "simu", "huduma kwa wateja",
        "ტელეფონ", "հեռախոս", "утас", "ទូរស័ព្ទ", "ໂທລະສັບ", "ဖုန်း", "දුරකථන", "फोन", "फ़ोन", "தொலைபேசி", "கைபேசி", "ഫോൺ", "ಫೋನ್", "ફોન", "ਫੋਨ", "ਫ਼ੋਨ",
        "فون", "تلفن", "ټیلیفون", "ffôn", "fón", "ጥሪ ማዕከል", "hotlayn", "taimako",
    ];

    // Read on every id's question: built once, when the partial files' fields have initialised.
    private static class LocalStems
    {
        internal static readonly string[] Words = LocalPublicStems;
    }

    // Acronyms of these countries' ids and records that are words elsewhere: counted only as printed, in capitals.
    private static string[] LocalCapitalNouns => ["UHID", "MRD", "FİN", "TSI", "NIDA", "PPS", "NIC", "NRC"];

    // In a class of their own: built on the first check, once the partial files' fields have initialised.
    private static class LocalCapitals
    {
        internal static readonly FrozenSet<string> Set = FrozenSet.ToFrozenSet(LocalCapitalNouns, StringComparer.Ordinal);
    }

    // Appended to Phrases (the acronyms as printed: OrdinalIgnoreCase folds no dotted "İ" to "i").
    private static (string Phrase, Want Want)[] LocalIdPhrases() => [.. LocalIdNouns.Select(noun => (noun, Want.Digits))];

    // Appended to IdNouns: an id's or an account's value has five characters or more (a year after the noun is none).
    private static string[] LocalIdNouns => [.. LocalIdTable.SelectMany(row => row.Nouns).Concat(LocalCapitalNouns)];

    /// <summary>The noun at <paramref name="at"/> is one of <see cref="LocalCapitalNouns"/> not written in its capitals ("mrd", "Tsi").</summary>
    private static bool LocalAcronymNotInCapitals(ReadOnlySpan<char> text, int at, string phrase) =>
        phrase.Length <= 4 && LocalCapitals.Set.Contains(phrase) && !text.Slice(at, phrase.Length).SequenceEqual(phrase);

    /// <summary>Khmer, Lao and Burmese write a sentence's words without spaces: their nouns need no word start.</summary>
    private static bool UnspacedScript(char first) => first is (>= '\u0E80' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF');

    /// <summary>
    /// What follows the id's noun ending at <paramref name="end"/> is no id: a format's example whose letters count up from A
    /// ("PAN … ABCDE1234F"), or, after the noun's question, a helpline named in the next sentence before its number ("How much to open
    /// an account? Their help line is 0700 300 0000").
    /// </summary>
    private static bool LocalIdNotValue(ReadOnlySpan<char> text, int end, string phrase)
    {
        var window = text[end..Math.Min(text.Length, end + 120)];
        var line = window.IndexOfAny('\n', '\r');
        window = line < 0 ? window : window[..line];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var from = digit;
        while (from > 0 && char.IsAsciiLetterUpper(window[from - 1]))
        {
            from--;
        }

        if (digit - from >= 4 && SensitiveScanner.CountsUp(window[from..digit]))
        {
            return true;
        }

        var between = window[..digit];
        var question = between.IndexOfAny('?', '؟');
        return question >= 0 && IdNouns.Contains(phrase) && (WordIn(between[question..], ServiceWords) || WordIn(between[question..], LocalStems.Words));
    }
}
