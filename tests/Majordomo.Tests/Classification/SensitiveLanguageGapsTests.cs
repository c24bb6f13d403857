namespace Majordomo.Tests.Classification;

/// <summary>
/// The rules' nouns in every language the corpus speaks (twenty-fourth session, docs/CLASSIFIER.md "The rules' nouns in every language
/// (twenty-fourth session)"): for each concept family the audit found missing in some of the 22 most frequent languages, a secret told
/// with a newly covered noun beside the same noun with no value.
/// </summary>
public class SensitiveLanguageGapsTests
{
    [Theory]
    [InlineData("방금 받은 일회용 비밀번호 482913 불러줘도 돼요?", "일회용 비밀번호는 몇 분 동안 유효한가요?")]
    [InlineData("Банк питає секретне питання — кличка собаки, я вказала Бровко.", "Навіщо банки питають дівоче прізвище матері?")]
    [InlineData("السؤال السري في حسابي هو اسم أول مدرسة، وكتبت الجواب \"الأندلس\".", "لماذا تطلب المواقع سؤال الأمان؟ وهل هو أكثر أماناً؟")]
    [InlineData("Ghi lại: tên thời con gái của mẹ là Trần, cho câu hỏi bảo mật.", "Giải thích câu trả lời bảo mật là gì cho người lớn tuổi.")]
    public void OneTimeCodesAndSecurityAnswers(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("Klientské číslo do internetového bankovnictví mám 48201937.", "Kde najdu klientské číslo k internetovému bankovnictví?")]
    [InlineData("Data saya: nomor polis 81-0042197-3, atas nama Rina Kartika.", "Nomor polis asuransi tertulis di bagian mana?")]
    [InlineData("mã BHYT DN4797923456789, nơi đăng ký Bệnh viện quận 3", "Thẻ bảo hiểm y tế hết hạn thì gia hạn ở đâu?")]
    public void BankCustomerPolicyAndHealthNumbers(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("Preenche: carta de condução n.º L-2187043, válida até 2031.", "A carta de condução portuguesa vale em Inglaterra?")]
    [InlineData("Заявка: номер водительского удостоверения 77 29 418305.", "Сколько стоит замена водительского удостоверения?")]
    [InlineData("رخصة القيادة رقم 1048837261 للحجز", "ما المدة اللازمة لتجديد رخصة القيادة؟")]
    [InlineData("订机票需要填：我的护照号是E39572816。", "护照号码一般是几位？字母开头吗？")]
    [InlineData("ホテル用に：旅券番号はTZ1048723です。", "旅券番号はパスポートのどこに書いてありますか？")]
    public void LicencesPassportsAndIdCards(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("Soạn đơn: số sổ bảo hiểm xã hội 7912345680, xin chốt sổ.", "Nghỉ việc rồi thì chốt sổ bảo hiểm xã hội ở đâu?")]
    [InlineData("Vyplň: Jana Dvořáková, číslo sociálního pojištění 8155121234.", "Jak dlouho trvá potvrzení o sociálním pojištění?")]
    [InlineData("شماره تامین اجتماعی من 0012874519 است", "سابقه بیمه تامین اجتماعی را چطور ببینم؟")]
    public void SocialSecurityNumbers(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("رمز الباب للعمارة 4718، أرسله للعامل.", "كيف أغير رمز الباب في قفل ذكي؟")]
    [InlineData("Mã báo động ở nhà là 6620, con về thì tắt nhé.", "Quên mã báo động thì làm sao tắt chuông?")]
    [InlineData("kurtarma kodları 4827-1930, 7715-2048, 3390-8861", "Kurtarma kodu nedir, kaybedersem ne olur?")]
    [InlineData("Die Kartenprüfnummer hinten auf meiner Visa ist 284.", "Wo steht die Prüfnummer auf einer Girocard?")]
    [InlineData("カード裏のセキュリティコードは519なのにエラーです。", "セキュリティコードはカードのどこにありますか？")]
    public void DoorAlarmRecoveryAndCardCodes(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("Склади лист: номер медичної картки 40-17729, прошу виписку.", "Чи можна отримати медичну картку онлайн?")]
    [InlineData("Napiš e-mail na studijní: studentské číslo 512874.", "Kde v ISu najdu studentské číslo?")]
    [InlineData("ایمیل بنویس: شماره دانشجویی 98123047، گواهی تحصیل.", "شماره دانشجویی از چه بخش‌هایی تشکیل شده است؟")]
    public void PatientAndStudentNumbers(string secret, string lookAlike) => Pair(secret, lookAlike);

    [Theory]
    [InlineData("طلب إجازة: الموظف محمد السبيعي، الرقم الوظيفي 204517.", "هل يتغير الرقم الوظيفي عند الانتقال إلى فرع آخر؟")]
    [InlineData("Viết đơn: mã nhân viên của tôi là NV20471, phòng kế toán.", "Mã nhân viên thường được đặt theo quy tắc nào?")]
    [InlineData("帮我写请假条：我的工号是A20391。", "公司工号一般是怎么编的？")]
    public void StaffNumbersOwnedOrNamed(string secret, string lookAlike) => Pair(secret, lookAlike);

    // The same nouns' short forms that are other words elsewhere stay out: an order's "no RM-…", a Czech channel "e-mailem".
    [Theory]
    [InlineData("post redirect - Royal Mail, 12 months, order no RM-7720391")]
    [InlineData("Vážený kliente, nikdy po vás nebudeme chtít klientské číslo ani heslo e-mailem.")]
    public void OtherWordsOfTheSameLetters_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    private static void Pair(string secret, string lookAlike)
    {
        SensitiveCategoryTests.Sensitive(secret);
        SensitiveCategoryTests.NotSensitive(lookAlike);
    }
}
