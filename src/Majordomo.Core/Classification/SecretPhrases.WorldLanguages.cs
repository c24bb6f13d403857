using System.Collections.Frozen;
using System.Globalization;

namespace Majordomo.Classification;

/// <summary>
/// Secret nouns of the less-resourced languages of probe 34 (docs/CLASSIFIER.md "Probe 34 read by category"): one row a language,
/// so each language's words stand in one place — PIN, password, secret, one-time and verification codes, door, gate and Wi-Fi keys,
/// and the "don't share this code" warning of a bank's SMS. A noun written with a trailing '*' is a stem that takes the language's
/// endings (Georgian "პაროლი", Basque "pasahitza", Marathi "पासवर्डचा"); short nouns list their forms instead (Amharic "ኮድዎ",
/// Zulu "ikhodi"), and Welsh and Irish nouns their mutated forms ("nghyfrinair", "phasfhocal"), so that a longer word that merely
/// starts like them ("კოდექსი", a legal code) stays out. Khmer, Lao and Burmese write no spaces between words: their nouns need no
/// word start (<see cref="GluedStart"/>).
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases (a method, so the order the partial files' fields initialise in does not matter).
    private static (string Phrase, Want Want)[] WorldLanguagePhrases() =>
        [.. WorldLanguageRows().SelectMany(row => row.Words).Select(word => (word.Phrase.TrimEnd('*'), word.Want))];

    private static (string Language, (string Phrase, Want Want)[] Words)[] WorldLanguageRows() =>
    [
        ("am", [("ፒን", Want.Digits), ("የይለፍ ቃል*", Want.Word), ("የሚስጥር ቁጥ*", Want.Digits), ("ሚስጥር ቁጥ*", Want.Digits), ("ሚስጥራዊ ቁጥ*", Want.Digits), ("ኮድ", Want.Digits),
            ("ኮድዎ", Want.Digits), ("ኮድህ", Want.Digits), ("ኮድሽ", Want.Digits), ("ኮዱ", Want.Digits), ("የማረጋገጫ ኮድ*", Want.Notice),
            ("ለማንም አ*", Want.Marker), ("ለማንም እንዳይ*", Want.Marker)]),
        ("ti", [("መሕለፊ ቃል*", Want.Word), ("ምስጢራዊ ቁጽሪ*", Want.Digits), ("ናይ ምርግጋጽ ኮድ*", Want.Notice), ("ንማንም ኣ*", Want.Marker),
            ("ንዝኾነ ሰብ ኣ*", Want.Marker)]),
        ("ka", [("პაროლ*", Want.Word), ("პინ", Want.Digits), ("პინი", Want.Digits), ("პინ-კოდ*", Want.Digits), ("კოდი", Want.Digits),
            ("კოდს", Want.Digits), ("კოდით", Want.Digits), ("კოდია", Want.Digits), ("ერთჯერადი კოდ*", Want.Notice), ("დადასტურების კოდ*", Want.Notice),
            ("არავის გაუ*", Want.Marker), ("არავის უთხრ*", Want.Marker), ("არავის მის*", Want.Marker)]),
        ("hy", [("գաղտնաբառ*", Want.Word), ("պին", Want.Digits), ("պինը", Want.Digits), ("պին-կոդ*", Want.Digits), ("կոդ", Want.Digits),
            ("կոդը", Want.Digits), ("կոդն", Want.Digits), ("հաստատման կոդ*", Want.Notice), ("մեկանգամյա կոդ*", Want.Notice),
            ("ոչ մեկին*", Want.Marker), ("ոչ ոքի*", Want.Marker)]),
        ("km", [("លេខសម្ងាត់", Want.Digits), ("ពាក្យសម្ងាត់", Want.Word), ("លេខកូដ", Want.Digits), ("កូដផ្ទៀងផ្ទាត់", Want.Notice), ("កូដសម្ងាត់", Want.Digits),
            ("កុំចែករំលែក", Want.Marker), ("កុំប្រាប់", Want.Marker), ("កុំផ្តល់", Want.Marker)]),
        ("lo", [("ລະຫັດຜ່ານ", Want.Word), ("ລະຫັດລັບ", Want.Digits), ("ລະຫັດ pin", Want.Digits), ("ລະຫັດ otp", Want.Notice), ("ລະຫັດຢືນຢັນ", Want.Notice),
            ("ລະຫັດປະຕູ", Want.Digits), ("ລະຫັດ", Want.Digits), ("ຢ່າບອກ", Want.Marker), ("ຢ່າແບ່ງປັນ", Want.Marker)]),
        ("my", [("လျှို့ဝှက်နံပါတ်", Want.Digits), ("စကားဝှက်", Want.Word), ("ကုဒ်နံပါတ်", Want.Digits), ("အတည်ပြုကုဒ်", Want.Notice),
            ("လျှို့ဝှက်ကုဒ်", Want.Digits), ("မည်သူ့ကိုမျှ", Want.Marker), ("ဘယ်သူ့ကိုမှ", Want.Marker)]),
        ("si", [("පින් අංකය", Want.Digits), ("පින් එක", Want.Digits), ("පින් නම්බර්", Want.Digits), ("මුරපදය", Want.Word), ("මුරපද*", Want.Word),
            ("රහස් අංකය", Want.Digits), ("සත්‍යාපන කේතය", Want.Notice), ("කේතය", Want.Digits), ("කිසිවෙකුට*", Want.Marker), ("කාටවත්*", Want.Marker)]),
        ("hi-mr-ne", [("पासवर्ड*", Want.Word), ("गुप्त नंबर*", Want.Digits), ("गुप्त नम्बर*", Want.Digits), ("गोप्य नम्बर*", Want.Digits), ("कोड", Want.Digits),
            ("कोडचा", Want.Digits), ("ओटीपी", Want.Notice), ("पडताळणी कोड*", Want.Notice), ("प्रमाणीकरण कोड*", Want.Notice), ("सत्यापन कोड*", Want.Notice),
            ("कोणालाही सांगू*", Want.Marker), ("कोणालाही देऊ*", Want.Marker), ("कोणाशीही शेअर*", Want.Marker), ("कसैलाई नदि*", Want.Marker),
            ("कसैलाई पनि न*", Want.Marker), ("किसी को न*", Want.Marker), ("किसी के साथ साझा न*", Want.Marker)]),
        ("bn", [("পিন", Want.Digits), ("পাসওয়ার্ড*", Want.Word), ("গোপন নম্বর*", Want.Digits), ("গোপন কোড*", Want.Digits), ("ওটিপি", Want.Notice),
            ("কোড", Want.Digits), ("যাচাইকরণ কোড*", Want.Notice), ("ভেরিফিকেশন কোড*", Want.Notice), ("কাউকে জানা*", Want.Marker),
            ("কাউকে বল*", Want.Marker), ("কাউকে দেবেন না*", Want.Marker), ("শেয়ার করবেন না*", Want.Marker)]),
        ("gu", [("પિન", Want.Digits), ("પાસવર્ડ*", Want.Word), ("ગુપ્ત નંબર*", Want.Digits), ("ઓટીપી", Want.Notice), ("કોડ", Want.Digits),
            ("ચકાસણી કોડ*", Want.Notice), ("કોઈની સાથે શેર*", Want.Marker), ("કોઈને જણાવ*", Want.Marker), ("કોઈને કહ*", Want.Marker)]),
        ("pa-guru", [("ਪਿੰਨ", Want.Digits), ("ਪਿਨ", Want.Digits), ("ਪਾਸਵਰਡ*", Want.Word), ("ਗੁਪਤ ਨੰਬਰ*", Want.Digits), ("ਓਟੀਪੀ", Want.Notice),
            ("ਕੋਡ", Want.Digits), ("ਕਿਸੇ ਨਾਲ ਸਾਂਝਾ*", Want.Marker), ("ਕਿਸੇ ਨੂੰ ਨਾ*", Want.Marker)]),
        ("or", [("ପିନ୍", Want.Digits), ("ପିନ", Want.Digits), ("ପାସୱାର୍ଡ*", Want.Word), ("ଗୁପ୍ତ ନମ୍ବର*", Want.Digits), ("ଓଟିପି", Want.Notice),
            ("କୋଡ୍", Want.Digits), ("ଯାଞ୍ଚ କୋଡ୍*", Want.Notice), ("କାହାକୁ କୁହ*", Want.Marker), ("କାହା ସହ ସେୟାର*", Want.Marker)]),
        ("ta", [("பின் எண்*", Want.Digits), ("பின் நம்பர்*", Want.Digits), ("கடவுச்சொல்*", Want.Word), ("ரகசிய எண்*", Want.Digits), ("ஓடிபி", Want.Notice),
            ("ஓ.டி.பி", Want.Notice), ("சரிபார்ப்புக் குறியீடு*", Want.Notice), ("குறியீடு*", Want.Digits), ("கோட்", Want.Digits),
            // "பின்" alone is also "after": a PIN only after its card, ATM or UPI.
            ("upi பின்", Want.Digits), ("atm பின்", Want.Digits), ("யுபிஐ பின்", Want.Digits), ("ஏடிஎம் பின்", Want.Digits),
            ("யாருடனும் பகிர*", Want.Marker), ("யாரிடமும்*", Want.Marker)]),
        ("te", [("పిన్", Want.Digits), ("పాస్‌వర్డ్*", Want.Word), ("పాస్వర్డ్*", Want.Word), ("రహస్య సంఖ్య*", Want.Digits), ("ఓటీపీ", Want.Notice),
            ("ధృవీకరణ కోడ్*", Want.Notice), ("కోడ్", Want.Digits), ("ఎవరితోనూ*", Want.Marker), ("ఎవరికీ చెప్ప*", Want.Marker)]),
        ("kn", [("ಪಿನ್", Want.Digits), ("ಪಾಸ್‌ವರ್ಡ್*", Want.Word), ("ಪಾಸ್ವರ್ಡ್*", Want.Word), ("ಗುಪ್ತಪದ*", Want.Word), ("ಕೋಡ್", Want.Digits),
            ("ಒಟಿಪಿ", Want.Notice), ("ಓಟಿಪಿ", Want.Notice), ("ಪರಿಶೀಲನಾ ಕೋಡ್*", Want.Notice), ("ಯಾರೊಂದಿಗೂ*", Want.Marker), ("ಯಾರಿಗೂ ಹೇಳ*", Want.Marker)]),
        ("ml", [("പിൻ", Want.Digits), ("പാസ്‌വേഡ്*", Want.Word), ("പാസ്‌വേർഡ്*", Want.Word), ("പാസ്വേഡ്*", Want.Word), ("രഹസ്യ നമ്പർ*", Want.Digits),
            ("ഒടിപി", Want.Notice), ("ഒ.ടി.പി", Want.Notice), ("കോഡ്", Want.Digits), ("സ്ഥിരീകരണ കോഡ്*", Want.Notice), ("ആരുമായും*", Want.Marker),
            ("ആരോടും*", Want.Marker)]),
        ("ur-pa-ps-fa", [("پن", Want.Digits), ("ایم پن", Want.Digits), ("پاس ورڈ*", Want.Word), ("پاسورڈ*", Want.Word), ("پاسورډ*", Want.Word),
            ("خفیہ نمبر*", Want.Digits), ("خفیہ کوڈ*", Want.Digits), ("کوڈ", Want.Digits), ("کوډ", Want.Digits), ("او ٹی پی", Want.Notice),
            ("تصدیقی کوڈ*", Want.Notice), ("پټ نوم*", Want.Word), ("پټ کوډ*", Want.Digits), ("د تایید کوډ*", Want.Notice), ("رمز", Want.Word),
            ("رمزم", Want.Word), ("رمزش", Want.Word), ("رمز عبور*", Want.Word), ("رمز دوم*", Want.Digits), ("رمز پویا*", Want.Notice),
            ("کد تأیید*", Want.Notice), ("کد تایید*", Want.Notice), ("پین", Want.Digits), ("وای‌فای", Want.Access), ("وای فای", Want.Access),
            ("وایفای", Want.Access), ("وائی فائی", Want.Access), ("کسی کو نہ*", Want.Marker), ("کسی کے ساتھ شیئر*", Want.Marker),
            ("به هیچ کس*", Want.Marker), ("در اختیار دیگران*", Want.Marker), ("هیچا ته*", Want.Marker), ("له هیچا*", Want.Marker)]),
        // Probe 39: Tibetan and spoken Arabic — "الرقم السري" (the secret number), "كلمة سر الراوتر" (a construct, no article),
        // Egyptian and Gulf "الباسورد"; Tibetan "གསང་གྲངས" (secret number) and "གསང་ཚིག" (password).
        ("bo", [("གསང་གྲངས", Want.Digits), ("གསང་ཚིག", Want.Word), ("གསང་ཨང", Want.Digits)]),
        ("ar", [("الرقم السري", Want.Digits), ("رقمي السري", Want.Digits), ("رقم سري", Want.Digits), ("الرمز السري", Want.Digits),
            ("رمزي السري", Want.Digits), ("الرقم السرّي", Want.Digits), ("كلمة سر", Want.Word), ("كلمة سري", Want.Word), ("الباسورد", Want.Word),
            ("باسورد", Want.Word), ("الباسوورد", Want.Word)]),
        ("kk-ky-mn", [("құпиясөз*", Want.Word), ("құпия сөз*", Want.Word), ("растау коды*", Want.Notice), ("бір реттік*", Want.Notice),
            ("ешкімге*", Want.Marker), ("сырсөз*", Want.Word), ("ырастоо коду*", Want.Notice), ("эч кимге*", Want.Marker), ("нууц үг*", Want.Word),
            ("нууц код*", Want.Digits), ("баталгаажуулах код*", Want.Notice), ("хэнд ч*", Want.Marker)]),
        ("uz-az", [("parol", Want.Word), ("parolim", Want.Word), ("paroli", Want.Word), ("parolingiz", Want.Word), ("parolni", Want.Word), ("maxfiy kod*", Want.Digits), ("tasdiqlash kod*", Want.Notice), ("hech kimga*", Want.Marker),
            ("ҳеч кимга*", Want.Marker), ("şifrə*", Want.Word), ("birdəfəlik*", Want.Notice), ("təsdiq kodu*", Want.Notice), ("heç kimə*", Want.Marker),
            ("heç kimlə*", Want.Marker)]),
        ("sq", [("fjalëkalim*", Want.Word), ("fjalekalim*", Want.Word), ("kodi pin", Want.Digits), ("kodi sekret*", Want.Digits), ("kodi i sigurisë", Want.Notice),
            ("kodi i verifikimit", Want.Notice), ("askujt*", Want.Marker)]),
        ("is-mt", [("lykilorð*", Want.Word), ("aðgangsorð*", Want.Word), ("pin-númer*", Want.Digits), ("öryggiskóð*", Want.Notice), ("kóði", Want.Digits),
            ("kóðinn", Want.Digits), ("staðfestingarkóð*", Want.Notice), ("ekki deila*", Want.Marker), ("kodiċi*", Want.Digits), ("lil ħadd*", Want.Marker)]),
        ("cy-ga", [("cyfrinair*", Want.Word), ("gyfrinair*", Want.Word), ("nghyfrinair*", Want.Word), ("eich cod", Want.Digits), ("y cod", Want.Digits), ("fy nghod", Want.Digits), ("cod mynediad*", Want.Digits), ("cod pin", Want.Digits), ("cod diogelwch*", Want.Notice), ("cod dilysu*", Want.Notice), ("peidiwch â rhannu*", Want.Marker),
            ("peidiwch a rhannu*", Want.Marker), ("pasfhocal*", Want.Word), ("phasfhocal*", Want.Word), ("bpasfhocal*", Want.Word), ("focal faire*", Want.Word), ("cód", Want.Digits), ("cód slándála*", Want.Notice),
            ("cód fíoraithe*", Want.Notice), ("ná roinn*", Want.Marker)]),
        ("eu-ca-gl", [("pasahitz*", Want.Word), ("kodea", Want.Digits), ("pin kodea", Want.Digits), ("egiaztapen kode*", Want.Notice), ("segurtasun kode*", Want.Notice),
            ("inori*", Want.Marker), ("contrasenya*", Want.Word), ("codi", Want.Digits), ("codi de verificació*", Want.Notice), ("no el comparteixis*", Want.Marker),
            ("no comparteixis*", Want.Marker), ("contrasinal*", Want.Word), ("non o compartas*", Want.Marker), ("non compartas*", Want.Marker)]),
        ("sw", [("nenosiri*", Want.Word), ("neno la siri*", Want.Word), ("namba ya siri*", Want.Digits), ("nambari ya siri*", Want.Digits), ("msimbo*", Want.Digits),
            ("msimbo wa uthibitisho*", Want.Notice), ("usimpe*", Want.Marker), ("usishiriki*", Want.Marker), ("usimwambie*", Want.Marker),
            // A mobile-money SMS's verification number, "yako" (your) often between ("Nambari yako ya kuthibitisha ni 553902"); its
            // transaction code ("SFK8XQ21LP Imethibitishwa") is the receipt's reference and stays none.
            ("nambari ya kuthibitisha", Want.Notice), ("nambari yako ya kuthibitisha", Want.Notice), ("namba ya kuthibitisha", Want.Notice),
            ("namba yako ya kuthibitisha", Want.Notice), ("nambari ya uthibitisho", Want.Notice), ("nambari yako ya uthibitisho", Want.Notice),
            ("namba ya uthibitisho", Want.Notice), ("namba yako ya uthibitisho", Want.Notice)]),
        ("yo-ha-ig", [("ọ̀rọ̀ aṣínà*", Want.Word), ("ọrọ aṣina*", Want.Word), ("oro asina*", Want.Word), ("kóòdù*", Want.Digits), ("koodu*", Want.Digits),
            ("ẹnikẹ́ni*", Want.Marker), ("ẹnikẹni*", Want.Marker), ("enikeni*", Want.Marker), ("kalmar sirri*", Want.Word), ("lambar sirri*", Want.Digits),
            ("lambar tabbatarwa*", Want.Notice), ("ba kowa*", Want.Marker), ("okwuntughe*", Want.Word), ("nọmba nzuzo*", Want.Digits), ("onye ọ bụla*", Want.Marker),
            ("onye o bula*", Want.Marker)]),
        ("zu-xh", [("iphasiwedi*", Want.Word), ("yiphasiwedi*", Want.Word), ("iphinikhodi*", Want.Digits), ("ikhodi", Want.Digits), ("yikhodi", Want.Digits),
            ("nekhodi", Want.Digits), ("ikhowudi", Want.Digits), ("yikhowudi", Want.Digits), ("inombolo yokuvula*", Want.Digits),
            ("igama lokugqithisa*", Want.Word), ("ungayabelani*", Want.Marker), ("ungabelani*", Want.Marker), ("ungatsheli*", Want.Marker),
            ("musa ukwabelana*", Want.Marker), ("sukuyabelana*", Want.Marker)]),
        ("so-mg", [("furaha sirta*", Want.Word), ("erayga sirta*", Want.Word), ("lambarka sirta*", Want.Digits), ("koodh*", Want.Digits),
            ("ha u sheegin*", Want.Marker), ("ha la wadaagin*", Want.Marker), ("tenimiafina*", Want.Word), ("teny miafina*", Want.Word),
            ("kaody", Want.Digits), ("kaody miafina*", Want.Digits), ("kaody fanamarinana*", Want.Notice), ("aza zaraina*", Want.Marker),
            ("aza omena*", Want.Marker)]),
        ("tl-ceb-jv-ms", [("huwag ibahagi*", Want.Marker), ("huwag ibigay*", Want.Marker), ("ayaw ipakigbahin*", Want.Marker), ("ayaw ihatag*", Want.Marker),
            ("kata sandi*", Want.Word), ("aja dikandhakake*", Want.Marker), ("kata laluan*", Want.Word), ("kod pengesahan*", Want.Notice),
            ("jangan kongsi*", Want.Marker), ("jangan dedahkan*", Want.Marker)]),
        // Quechua's and Guarani's secret numbers too ("pakasqa yupaynin 7315", "papapy ñemi ha'e 5806"), and their "don't give it to
        // anyone" ("ama pimanpas qunkichu", "ani reme'ẽ avavépe").
        ("qu-gn", [("pakasqa rimay*", Want.Word), ("ñe'ẽñemi*", Want.Word), ("ñe’ẽñemi*", Want.Word), ("pakasqa yupay*", Want.Digits),
            ("papapy ñemi*", Want.Digits), ("ama pimanpas*", Want.Marker), ("ani reme'ẽ*", Want.Marker), ("ani reme’ẽ*", Want.Marker),
            ("ani rehechauka*", Want.Marker)]),
    ];

    // The code nouns above, read like IsCodeWord's: public when a word next to them names a postal, error, QR or promotion code.
    private static bool IsWorldCodeWord(string phrase) => phrase is "ኮድ" or "ኮዱ" or "კოდი" or "კოდს" or "კოდია" or "կոդ" or "կոդը" or "លេខកូដ"
        or "कोड" or "কোড" or "કોડ" or "ਕੋਡ" or "କୋଡ୍" or "குறியீடு" or "கோட்" or "కోడ్" or "ಕೋಡ್" or "കോഡ്" or "کوڈ" or "کوډ" or "kodea" or "codi" or "cód"
        or "eich cod" or "kóði" or "kóðinn" or "kodiċi" or "msimbo" or "koodh" or "kaody" or "ikhodi" or "koodu" or "kóòdù" or "ລະຫັດ";

    // A code these languages name as public, in the few characters before or after its noun (Indic words hold vowel signs, which
    // split a word for char.IsLetter, so they are matched as text): a postal code, an error, a QR or a promotion code.
    private static readonly string[] WorldPublicCodes =
    [
        "पिन", "पिनकोड", "पोस्टल", "डाक", "त्रुटि", "एरर", "পিন", "পোস্ট", "ডাক", "ত্রুটি", "પિન", "ભૂલ", "ਪਿੰਨ", "ਪਿਨ", "ਗਲਤੀ", "ପିନ", "ଡାକ", "ତ୍ରୁଟି", "ଶାଖା", "அஞ்சல்", "பிழை",
        "పిన్", "పోస్టల్", "లోపం", "ಪಿನ್", "ಅಂಚೆ", "ದೋಷ", "പിൻ", "തപാൽ", "പിശക്", "ڈاک", "پوسټ", "پستی", "خطا", "غلطی", "საფოსტო", "შეცდომის",
        "փոստային", "սխալի", "ប្រៃសណីយ៍", "កំហុស", "ፖስታ", "ስህተት", "post", "poist", "postar", "posta", "postal", "boostada", "paositra",
        "शाखा", "শাখা", "શાખા", "ਸ਼ਾਖਾ", "శాఖ", "ಶಾಖೆ", "ശാഖ", "கிளை", "branch", "ifsc", "qr", "promo", "kupon", "kuponi", "gwall", "earráid", "akatsa", "errore", "error", "hitilafu", "gabim", "villu",
        // Lao: a postal code, a product's or a bar code.
        "ໄປສະນີ", "ສິນຄ້າ", "ບາໂຄດ",
        // India's school registry code names the school (UDISE), no pupil.
        "udise", "यूडायस",
    ];

    private static bool WorldPublicCode(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (!IsWorldCodeWord(phrase))
        {
            return IndicPostalPin(text, end, phrase);
        }

        // From the noun's own end: an unspaced script glues the public word to it ("ລະຫັດໄປສະນີ"), and Check's end has run past it.
        var nounEnd = Math.Min(end, at + phrase.Length);
        return ContainsAny(text[Math.Max(0, at - 14)..at], WorldPublicCodes) || ContainsAny(text[nounEnd..Math.Min(text.Length, end + 14)], WorldPublicCodes);
    }

    /// <summary>
    /// A short Arabic-script noun glued to more letters is another word ("پنجاب", "پنشن", "رمزارز"): Arabic-script nouns take a
    /// glued prefix (<see cref="GluedStart"/>), these only as whole words.
    /// </summary>
    private static bool WorldNounRunsOn(ReadOnlySpan<char> text, int end, string phrase) =>
        (phrase is "پن" or "ایم پن" or "پین" or "رمز" or "رمزم" or "رمزش" or "کوڈ" or "کوډ" && end < text.Length && WordChar(text[end]))
        || (phrase == "رمز" && ArabicConstruct(text[end..]));

    // Arabic's "رمز" is any code, named by the word after it with its article ("رمز الحجز", a booking's; "الرمز البريدي", a postal
    // code): the Persian password noun reads only when no such word follows (Arabic's own secret codes are listed by their names).
    private static bool ArabicConstruct(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(' ');
        return after.StartsWith("ال", StringComparison.Ordinal);
    }

    // India's postal code is a "PIN code" in every script ("ಪಿನ್ ಕೋಡ್ 560034 ಯಾವ ಏರಿಯಾ?"): a PIN noun, its script's code word and six
    // digits not starting with 0, with no card, ATM, bank or UPI word near it, is an address (PostalPin reads Devanagari and English).
    private static readonly string[] IndicPins = ["পিন", "પિન", "ਪਿੰਨ", "ਪਿਨ", "ପିନ୍", "ପିନ", "పిన్", "ಪಿನ್", "പിൻ", "பின்"];

    private static readonly string[] IndicCodes = ["কোড", "કોડ", "ਕੋਡ", "କୋଡ୍", "କୋଡ", "కోడ్", "ಕೋಡ್", "കോഡ്", "கோட்", "code"];

    private static readonly string[] IndicPinOwners =
        ["card", "atm", "upi", "bank", "কার্ড", "ব্যাংক", "କାର୍ଡ", "ବ୍ୟାଙ୍କ", "કાર્ડ", "બેંક", "ਕਾਰਡ", "ਬੈਂਕ", "కార్డ్", "బ్యాంక్", "ಕಾರ್ಡ್", "ಬ್ಯಾಂಕ್", "കാർഡ്", "ബാങ്ക്", "கார்டு", "வங்கி"];

    private static bool IndicPostalPin(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!IndicPins.Contains(phrase))
        {
            return false;
        }

        // Odia's bare "ପିନ" meets "ପିନ୍ କୋଡ୍" with its virama left after it (probe 39).
        var after = text[end..Math.Min(text.Length, end + 40)].TrimStart("\u0B4D ");
        var code = false;
        foreach (var word in IndicCodes)
        {
            code |= after.StartsWith(word, StringComparison.OrdinalIgnoreCase);
        }

        var digit = after.IndexOfAnyInRange('0', '9');
        var run = digit < 0 ? [] : after[digit..];
        var length = run.IndexOfAnyExceptInRange('0', '9');
        var near = text[Math.Max(0, end - 60)..Math.Min(text.Length, end + 60)];
        return code && (length < 0 ? run.Length : length) == 6 && run[0] != '0' && !ContainsAny(near, IndicPinOwners);
    }

    // Scripts written without spaces between words (Thai, Lao, Burmese, Khmer): their nouns need no word start.
    private static bool NoSpaceScript(char c) => c is >= '\u0E00' and <= '\u0EFF' or >= '\u1000' and <= '\u109F' or >= '\u1780' and <= '\u17FF';

    // Welsh puts its copula after the value ("2704 yw fy PIN"); possessives stand between it and the noun (PinBeforeNoun).
    private static string[] WorldPinConnectors => ["yw", "ydy", "oedd"];

    private static string[] WorldPinFillers => ["fy", "eich", "dy", "mo", "do", "ár", "bhur"];

    // Verbs of giving a code away in the sentence after its noun ("njaluk kode OTP. Tak wenehi 728401", "I gave them 5531"): TypedVerbs.
    private static string[] WorldGivenVerbs =>
    [
        "wenehi", "takwenehi", "dakwenehi", "kasih", "kukasih", "berikan", "kuberikan", "bagi", "nilimpa", "nimempa", "niliwapa", "binigay",
        "ibinigay", "gihatag", "ngamnika", "ngabanika", "na ba shi", "na ba su", "gave", "gave them", "gave him", "gave her", "told them",
    ];

    // Conjunctions a given code's clause goes on with ("728401 amarga bingung"): Conjunctions.
    private static string[] WorldConjunctions =>
        ["amarga", "karena", "karna", "kerana", "lan", "dan", "tapi", "nanging", "sakdurunge", "sebelum", "lakini", "kabla", "because", "before"];

    // Helplines and call verbs of these languages: the number after them is a phone line's, not a code (SensitiveScanner.CalledNumber).
    internal static string[] WorldCallWords =>
    [
        "helpline", "hotline", "शिकायत", "हेल्पलाइन", "टोल फ्री", "হেল্পলাইন", "কল করুন", "ফোন করুন", "ಕರೆ ಮಾಡಿ", "కాల్ చేయండి", "ഹെൽപ്‌ലൈൻ",
        "ہیلپ لائن", "کال کریں", "تماس بگیرید", "piga", "ደውሉ", "დარეკეთ", "զանգահարեք", "ໂທຫາ", "ffoniwch", "glaoigh", "deitu", "truca",
        "hubungi", "tumawag", "kira",
        // A code's destination, the number it is to be sent to (probe 39's phishing texts): "به شماره ۰۹۳۵…", "على الرقم ٠٥٤…".
        "به شماره", "على الرقم", "إلى الرقم", "الى الرقم", "على رقم", "to the number", "to number",
    ];

    /// <summary>
    /// Irish states a value before its noun with the copula ("Is é 2704 mo PIN", "Ba í 5581 an cód"): at most two possessives or
    /// articles before the noun, then 4–8 digits right after "is é", "is í", "ba é" or "ba í".
    /// </summary>
    private static bool CopulaBeforeNoun(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        for (var words = 0; words < 2 && OneOf(PreviousWord(text, ref i), ["mo", "an", "ár", "do", "a"]); words++)
        {
        }

        var before = text[..i].TrimEnd(' ');
        var start = before.Length;
        while (start > 0 && char.IsAsciiLetterOrDigit(before[start - 1]))
        {
            start--;
        }

        // Four to eight digits (a PIN), or a password's letters with two digits or more ("Is é Gaillimh2023 mo phasfhocal").
        var value = before[start..];
        var digits = value.IndexOfAnyExceptInRange('0', '9') < 0;
        var shaped = value.Length is >= 6 and <= 40 && value.IndexOfAnyInRange('0', '9') is var first and >= 0
            && value[(first + 1)..].IndexOfAnyInRange('0', '9') >= 0 && value.IndexOfAnyInRange('A', 'z') >= 0;
        var head = before[..start].TrimEnd(' ');
        return ((digits && value.Length is >= 4 and <= 8) || shaped)
            && (head.EndsWith("is é", StringComparison.OrdinalIgnoreCase) || head.EndsWith("is í", StringComparison.OrdinalIgnoreCase)
                || head.EndsWith("ba é", StringComparison.OrdinalIgnoreCase) || head.EndsWith("ba í", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// An unquoted word of letters outside ASCII after a password's '=' that goes on as prose (".env میں DB_PASSWORD= خالی ہے",
    /// "DB_PASSWORD= пусто и …"): the user describing the field in their language, not its value ("Рябина2030" has digits).
    /// </summary>
    internal static bool ProseWordValue(ReadOnlySpan<char> value, ReadOnlySpan<char> after)
    {
        if (value.IsEmpty || value.ContainsAnyInRange('\0', '\u007f'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!WordChar(c))
            {
                return false;
            }
        }

        return after.Length > 1 && after[0] == ' ' && WordChar(after[1]);
    }

    // Stems that take their language's endings (the nouns above written with a trailing '*'); built on the first use.
    private static class WorldStems
    {
        internal static readonly FrozenSet<string> Set = WorldLanguageRows().SelectMany(row => row.Words)
            .Where(word => word.Phrase.EndsWith('*')).Select(word => word.Phrase.TrimEnd('*')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a stem ending at <paramref name="end"/> is followed by at most eight letters or marks of an ending, then no letter.</summary>
    private static bool StemEnds(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!WorldStems.Set.Contains(phrase))
        {
            return false;
        }

        var suffix = 0;
        while (end + suffix < text.Length && WordChar(text[end + suffix]) && suffix <= 8)
        {
            suffix++;
        }

        return suffix <= 8;
    }

    // A letter or a vowel sign: Indic, Sinhala and Southeast Asian scripts write vowels as combining marks.
    private static bool WordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
