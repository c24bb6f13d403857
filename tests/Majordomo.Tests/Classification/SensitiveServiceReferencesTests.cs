namespace Majordomo.Tests.Classification;

/// <summary>
/// Where the labelling guide was silent (docs/LABELLING.md, the twenty-second session's decisions): payment aliases, supply-point,
/// meter, deposit, fine and terminal references and number plates are not sensitive; an examining body's or a benefits agency's
/// number for a named person and a portal's one-off activation code are — each beside its twin.
/// </summary>
public class SensitiveServiceReferencesTests
{
    [Theory]
    [InlineData("Gerei uma chave aleatória no Nubank: 7f3c2a91-5d84-4e6b-b0c2-19a8e4f6d370. Posso passar pros clientes?")]
    [InlineData("Ein Käufer will per Pix zahlen und gibt mir die Chave 4e9b1d27-83a6-4f0c-9a52-c6d1870e3b44. Seriös?")]
    [InlineData("Minha chave Pix: (21) 99318-2047, pode mandar")]
    [InlineData("Pix para a chave marina.costa.doces@gmail.com, obrigada!")]
    public void PixKeysThatAreAPhoneAnEmailOrARandomKey_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Minha chave Pix é meu CPF, 748.315.062-90. Tem problema?")]
    [InlineData("Pix pra chave CPF 74831506290, Regina")]
    [InlineData("My API key is 7f3c2a91-5d84-4e6b-b0c2-19a8e4f6d370, is that safe to share?")]
    public void APixKeyThatIsACpfAndAKeyThatIsAUuidWithoutPix_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Le technicien Enedis me demande mon numéro PDL, c'est bien le 14 chiffres 21457930048126 ?")]
    [InlineData("Bij de overstap vraagt Vattenfall mijn EAN-code: 871687120054318226.")]
    [InlineData("O código CPE da instalação é PT0002000068451329KT e o contador tem o número 41872093.")]
    [InlineData("Auf der Netzbetreiber-Rechnung steht ein EIC-Code 11YW-OBE-4821-00K.")]
    [InlineData("the TDS deposit ID is 4817-2290-6614 and I still haven't had my £1,150 back")]
    [InlineData("物业让我提供电表的表号，表号是 3308120047612，会泄露隐私吗？")]
    [InlineData("The exam is in room 4172 at 9:30, paper code 8300/1H. What should I bring?")]
    public void SupplyPointMeterDepositAndExamPaperReferences_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Para domiciliar la luz me piden el CUPS ES0031405867231004JN0F y mi cuenta ES81 0182 1794 6702 0156 6317.")]
    [InlineData("Paying PCN WK48219736 online, it asks for the card: 4539 1488 0343 6467 exp 09/28.")]
    [InlineData("my PIN code is 4821, the meter is in the hall")]
    [InlineData("Meine Kontonummer beim Zählerwechsel: DE65 4306 0967 1123 5813 00")]
    public void AnAccountACardOrAPinBesideThem_StaySensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("娘の受験番号は B20417 です。合格発表のページでどこを見ればいいですか？")]
    [InlineData("아들 수험번호가 23104827 인데 성적표 출력할 때 필요해?")]
    [InlineData("我儿子的高考报名号是 24110102151234，忘了准考证号")]
    [InlineData("My UCAS Personal ID is 148-293-7561 — does it go in the subject line?")]
    [InlineData("Email to the exams officer: candidate number 4172 (Amelia Hart, centre 64219)")]
    [InlineData("Prüfungsnummer beim IHK-Abschluss ist 2047183 für Jonas Weber")]
    [InlineData("पेंशन विभाग को आवेदन: मेरा PPO नंबर 303171200458 है")]
    public void ExamCandidateAndPensionOrderNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("受験番号はどこに書いてありますか？受験票をなくしました。")]
    [InlineData("高考报名号一般是几位数？和准考证号有什么区别？")]
    [InlineData("How many digits does a PPO number have?")]
    [InlineData("Our candidate numbers are four digits; what does candidate number mean on the form?")]
    public void TheirNounsWithNoValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Mijn DigiD-activeringscode is RW4KT, is hij nog geldig?")]
    [InlineData("Die Schule hat uns für die Schul-App den Zugangscode K7P2-XQ9M geschickt")]
    [InlineData("activation code: 7K2M9QXP")]
    public void APortalsActivationCode_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Hoe lang duurt het voordat de DigiD-activeringscode per post komt?")]
    [InlineData("Wo finde ich den Zugangscode für die Schul-App?")]
    [InlineData("The activation code is in the LETTER you get on Monday")]
    public void TheActivationCodesNounWithNoCode_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
