namespace Majordomo.Classification;

/// <summary>
/// The rules' nouns in every language the corpus speaks (twenty-fourth session, docs/CLASSIFIER.md "The rules' nouns in every language
/// (twenty-fourth session)"). The other tables were written probe by probe, each in the languages its probe used; an audit of one
/// sentence a concept and a language over the corpus's 22 most frequent languages found the concepts below without a noun in some of
/// them. One row a concept, its nouns by language — only the languages the audit found missing (lower case, inflected and glued forms
/// listed as a native speaker writes them: Russian and Ukrainian cases, Turkish suffixes, Arabic's glued article). Ids' and accounts'
/// nouns take a value of five characters or more (<see cref="IdNouns"/>); a number an employer gives (a staff number in Arabic,
/// Indonesian, Vietnamese, Persian) is someone's only with a person named or owned near it (<see cref="OwnRecord"/>).
/// </summary>
internal static partial class SecretPhrases
{
    // Concept → how its value is read, whether it is an id (five characters or more), its nouns by language.
    private static (string Concept, Want Want, bool Id, (string Language, string[] Nouns)[] Rows)[] LanguageGapTable =>
    [
        ("PIN", Want.Digits, false, [("zh", ["pin码", "pin碼"])]),
        ("one-time code", Want.Notice, false, [("ko", ["일회용 코드", "일회용코드", "일회용 비밀번호", "일회용 비번", "otp 번호", "otp번호"])]),
        ("security answer", Want.Answer, false,
        [
            ("zh", ["婚前姓", "娘家姓"]), ("ko", ["결혼 전 성", "어머니 성함", "어머니의 성함", "보안 답변"]),
            ("hi", ["मायके का नाम", "शादी से पहले का नाम", "सुरक्षा प्रश्न", "सुरक्षा सवाल", "सुरक्षा उत्तर"]),
            ("ar", ["قبل الزواج", "سؤال الأمان", "سؤال الامان", "السؤال السري", "السؤال الأمني", "الإجابة السرية", "جواب السؤال السري"]),
            ("uk", ["дівоче прізвище", "контрольне питання", "секретне питання", "контрольне слово"]),
            ("id", ["nama gadis ibu", "nama ibu kandung", "pertanyaan keamanan", "jawaban keamanan", "pertanyaan rahasia", "jawaban rahasia"]),
            ("vi", ["tên thời con gái", "câu hỏi bảo mật", "câu trả lời bảo mật", "câu hỏi bí mật"]),
            ("tl", ["pagkadalaga"]),
            ("cs", ["rodné příjmení", "dívčí jméno", "bezpečnostní otázk", "kontrolní otázk", "odpověď na bezpečnostní"]),
            ("fa", ["قبل از ازدواج", "سوال امنیتی", "سؤال امنیتی", "پاسخ امنیتی", "پاسخ سوال امنیتی"]),
        ]),
        ("bank customer number", Want.Digits, true,
            [("hi", ["सीआईएफ नंबर", "सीआईएफ"]), ("vi", ["số cif", "mã cif"]), ("cs", ["klientské číslo", "klientského čísla"])]),
        ("insurance policy number", Want.Digits, true,
            [("id", ["nomor polis", "no. polis", "no polis"]), ("vi", ["số hợp đồng bảo hiểm", "hợp đồng bảo hiểm số", "số hđbh"])]),
        ("health insurance number", Want.Digits, true,
        [
            ("hi", ["स्वास्थ्य बीमा", "आयुष्मान कार्ड", "abha number", "आभा नंबर", "आभा संख्या"]),
            ("ar", ["التأمين الصحي", "بطاقة التأمين", "رقم التأمين"]),
            ("vi", ["bảo hiểm y tế", "thẻ bhyt", "số bhyt", "mã bhyt"]),
        ]),
        ("driving licence number", Want.Digits, true,
        [
            ("ja", ["運転免許証番号", "免許証番号", "運転免許証の番号"]), ("zh", ["驾驶证号", "驾照号", "驾驶证", "驾照"]),
            ("pt", ["carta de condução", "carta de conducao", "carteira de motorista"]),
            ("ru", ["водительского удостоверения", "водительское удостоверение", "водительских прав"]),
            ("uk", ["посвідчення водія", "посвідченням водія", "водійського посвідчення", "водійське посвідчення"]),
            ("hi", ["ड्राइविंग लाइसेंस", "ड्राइविंग लायसेंस", "dl number", "dl no"]),
            ("ar", ["رخصة القيادة", "رخصة السياقة", "رخصة قيادة", "رخصة السواقة", "رخصتي"]),
            ("id", ["surat izin mengemudi", "sim a", "sim c"]), ("vi", ["giấy phép lái xe", "bằng lái xe", "bằng lái", "gplx"]),
            ("tl", ["lisensya sa pagmamaneho", "numero ng lisensya", "lisensya ko"]), ("fa", ["گواهینامه", "گواهی‌نامه", "گواهی نامه"]),
        ]),
        ("passport number", Want.Digits, true, [("ja", ["旅券番号", "旅券"]), ("zh", ["护照号", "护照号码", "護照號碼"])]),
        ("national id number", Want.Digits, true,
        [
            ("pt", ["cartão de cidadão", "cartão do cidadão", "número de identificação civil"]), ("ja", ["身分証", "個人番号"]),
            ("ru", ["удостоверения личности"]), ("hi", ["पहचान पत्र", "वोटर आईडी", "मतदाता पहचान पत्र", "epic number"]),
            ("tl", ["numero ng id", "national id"]),
        ]),
        ("social security number", Want.Digits, true,
        [
            ("hi", ["uan number", "uan no", "यूएएन", "पीएफ खाता", "pf account"]), ("ar", ["الضمان الاجتماعي", "رقم التأمينات"]),
            ("uk", ["соціального страхування"]), ("vi", ["sổ bảo hiểm xã hội", "bảo hiểm xã hội", "số bhxh", "mã bhxh"]),
            ("cs", ["sociálního pojištění"]), ("fa", ["تامین اجتماعی", "تأمین اجتماعی", "شماره بیمه"]),
        ]),
        ("door code", Want.Digits, false, [("ar", ["رمز الباب", "كود الباب", "رمز البوابة", "كود البوابة", "رقم الباب السري"])]),
        ("alarm code", Want.Digits, false,
            [("ar", ["رمز الإنذار", "كود الإنذار", "رمز الانذار", "كود الانذار", "رمز جهاز الإنذار"]), ("vi", ["mã báo động", "mã chống trộm"])]),
        ("recovery code", Want.Digits, false,
        [
            ("tr", ["kurtarma kodu", "kurtarma kodum", "kurtarma kodları", "yedek kodlar", "yedekleme kodu"]),
            ("ar", ["رمز الاسترداد", "رموز الاسترداد", "رمز الاسترجاع", "رموز احتياطية", "الرموز الاحتياطية"]),
            ("vi", ["mã khôi phục", "mã dự phòng"]), ("fa", ["کد بازیابی", "کدهای بازیابی", "کد پشتیبان"]),
        ]),
        ("card security code", Want.Short, false,
        [
            ("de", ["prüfnummer", "kartenprüfnummer"]), ("fr", ["cryptogramme"]), ("ko", ["cvc 번호", "cvc번호", "cvv 번호", "cvv번호"]),
            ("hi", ["सीवीवी", "cvv नंबर"]),
        ]),
        ("patient number", Want.Digits, true,
        [
            ("hi", ["मरीज़ संख्या", "मरीज संख्या", "रोगी संख्या", "मरीज़ आईडी", "मरीज आईडी", "uhid", "यूएचआईडी"]),
            ("ar", ["رقم المريض", "رقم الملف الطبي", "الملف الطبي"]), ("uk", ["медичної картки", "медична картка"]),
            ("id", ["rekam medis"]), ("vi", ["mã bệnh nhân", "mã số bệnh nhân", "hồ sơ bệnh án"]), ("cs", ["číslo pacienta"]),
        ]),
        ("student number", Want.Digits, true,
        [
            ("ru", ["студенческого билета", "студенческий билет", "зачётной книжки", "зачетной книжки", "номер зачётки", "номер зачетки"]),
            ("hi", ["छात्र क्रमांक", "नामांकन संख्या", "रोल नंबर", "enrollment number", "enrolment number", "roll number", "roll no"]),
            ("ar", ["الرقم الجامعي", "رقم الطالب", "الرقم الأكاديمي"]),
            ("uk", ["студентського квитка", "студентський квиток", "залікової книжки"]),
            ("id", ["nomor induk mahasiswa", "nomor induk siswa"]), ("cs", ["studentské číslo", "číslo studenta"]),
            ("fa", ["شماره دانشجویی", "کد دانشجویی"]),
        ]),
        ("employee number", Want.Digits, false,
        [
            ("ar", ["الرقم الوظيفي", "رقم الموظف"]), ("id", ["nomor induk pegawai", "nomor pegawai", "nomor karyawan", "id karyawan", "nik karyawan"]),
            ("vi", ["mã số nhân viên", "mã nhân viên"]), ("fa", ["شماره پرسنلی", "کد پرسنلی"]),
        ]),
    ];

    private static IEnumerable<(string Noun, Want Want, bool Id)> LanguageGapNouns() =>
        LanguageGapTable.SelectMany(concept => concept.Rows.SelectMany(row => row.Nouns).Select(noun => (noun, concept.Want, concept.Id)));

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] LanguageGapPhrases() => [.. LanguageGapNouns().Select(noun => (noun.Noun, noun.Want))];

    // Appended to IdNouns: an id's or an account's value has five characters or more.
    private static string[] LanguageGapIdNouns => [.. LanguageGapNouns().Where(noun => noun.Id).Select(noun => noun.Noun)];

    // Appended to the record nouns that name someone's number only with a person near (a staff number: SecretPhrases.Dossiers).
    private static string[] LanguageGapRecordNouns => [.. LanguageGapTable.Where(concept => concept.Concept == "employee number").SelectMany(concept => concept.Rows).SelectMany(row => row.Nouns)];

    // The writer's own, before the noun ("mon matricule", "мій табельний номер", "मेरा कर्मचारी"…) or after it ("NIP pegawai saya",
    // "mã nhân viên của tôi", "employee number ko", "شماره پرسنلی من").
    private static readonly string[] OwnerWordsBefore =
    [
        "my", "mon", "ma", "mein", "meine", "mi", "mio", "mia", "meu", "minha", "mijn", "mój", "moja", "moje", "mojego", "мой", "моя", "мого", "мій", "můj",
        "mé", "mého", "min", "mitt", "benim", "मेरा", "मेरी", "मेरे",
    ];

    private static readonly string[] OwnerWordsAfter = ["saya", "tôi", "ko", "من", "خودم"];

    // In a class of its own: built on the first check, once the partial files' fields have initialised.
    private static class CaseRecordSearch
    {
        internal static readonly System.Buffers.SearchValues<string> Stems = System.Buffers.SearchValues.Create(CaseRecordStems, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] CjkOwners = ["我的", "私の", "自分の", "本人的", "나의"];

    // A person's cue where a name cannot be told by its capital (Arabic, Persian, Hindi) or where the name cues of SecretPhrases.Dossiers
    // had no word (Indonesian, Vietnamese, Tagalog): "الموظف محمد …", "خانم مریم …", "nama Budi …", "họ tên Lê …".
    private static readonly string[] PersonCuesBefore =
    [
        "الموظف", "الموظفة", "السيد", "السيدة", "اسمي", "الاسم", "خانم", "آقای", "نام", "श्री", "श्रीमती", "नाम", "nama", "bapak", "ibu", "sdr", "sdri",
        "họ tên", "anh", "chị", "ông", "bà", "pangalan", "g.", "gng.",
    ];

    // A claim's or a file's noun among the record nouns: a case's number, not a person's, even when "my" stands before it ("mi número de
    // expediente" of a lost bag: docs/LABELLING.md); only a person named near it makes it someone's.
    private static readonly string[] CaseRecordStems =
    [
        "claim", "schaden", "fall", "sinistr", "siniestro", "expediente", "inscripción", "dossier", "skade", "szkody", "pojistné", "убыт",
        "страхов", "hasar", "dosya", "protokol", "rapor", "事故", "报案", "理赔", "赔案", "청구", "사고", "certificato",
    ];

    /// <summary>
    /// A record number's noun at <paramref name="at"/>..<paramref name="end"/> owned by the writer or a person: a possessive in the 24
    /// characters before it (its sentence) or after it before the value — one's own number, like "my passport number" (docs/LABELLING.md)
    /// — or a person's cue of <see cref="PersonCuesBefore"/> in the 60 before it.
    /// </summary>
    private static bool OwnRecord(ReadOnlySpan<char> text, int at, int end)
    {
        if (text[at..end].ContainsAny(CaseRecordSearch.Stems))
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 60)..at];
        sentence = sentence[(sentence.LastIndexOfAny(".!?\n。") + 1)..];
        var before = sentence[Math.Max(0, sentence.Length - 24)..];
        if (WholeWordsIn(sentence, PersonCuesBefore) || WholeWordsIn(before, OwnerWordsBefore) || ContainsAny(before, CjkOwners) || KoreanMy(before, "내 ") || KoreanMy(before, "제 "))
        {
            return true;
        }

        var after = text[end..Math.Min(text.Length, end + 24)];
        var stop = after.IndexOfAny("0123456789.!?\n");
        return WholeWordsIn(stop < 0 ? after : after[..stop], OwnerWordsAfter);
    }

    /// <summary>
    /// A security answer in a frame the connectors do not read, bounded to what a noun and its connector span (twenty-fifth session):
    /// one or two words after the noun, then the value closing its clause — Czech "[mé] matky je Dvořáková,", Indonesian "saya
    /// Wulandari", Arabic "هو الخطيب،", Persian "کریمی است،". A description in the value's place ("je jedna z …", "saya dipakai", "هو آمن
    /// أن …", "مناسب است") is no answer; neither is a connector past a question's mark ("سؤال الأمان؟ وهل هو …").
    /// </summary>
    private static bool BoundedAnswer(ReadOnlySpan<char> window)
    {
        Span<Range> parts = stackalloc Range[6];
        var total = window.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        var count = Math.Min(total, 5);
        for (var k = 0; k < count - 1; k++)
        {
            var word = window[parts[k]];
            var value = window[parts[k + 1]];
            if (word.IndexOfAny("؟?,،") >= 0)
            {
                return false;
            }

            var closes = value[^1] is ',' or '،' or '.' || k + 2 == total;
            var bare = value.TrimEnd(",،.");
            if ((k <= 2 && word is "je" && char.IsUpper(bare[0]) && bare.Length >= 3 && closes)
                || (k == 0 && word is "saya" or "aku" && char.IsUpper(bare[0]) && bare.Length >= 3)
                || (k <= 1 && word is "هو" or "هي" && bare.Length >= 2 && closes)
                || (k == 0 && value.TrimEnd(",،.") is "است" && closes && !WholeWordsIn(word, PersianDescriptions)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PersianDescriptions = ["مهم", "مناسب", "لازم", "ضروری", "امن", "کافی", "سخت", "آسان", "خوب", "بد", "چه", "چی"];
}
