using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The rules added after <c>corpus/train/sensitive-lookalikes-5.jsonl</c> was measured unseen (issue 13 item 3): one
/// phenomenon a pair, each with secrets phrased unlike that file's and the look-alikes the rule must leave alone.
/// </summary>
public class SensitiveGeneralisationTests
{
    [Theory]
    [InlineData("ok the panel by the back door: 4 8 0 2 and then press away")]
    [InlineData("la caja fuerte del hotel se abre con 7-7-1-3")]
    [InlineData("Notiz für Oma: 2 9 6 1, dann grüne Taste")]
    public void DigitsToldOneByOne_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Sort these numbers: [3 1 4 1 5] and explain the algorithm")]
    [InlineData("count down 4 3 2 1 and launch the rocket in the story")]
    [InlineData("We play a 4-2-3-1 this season, is that too defensive?")]
    [InlineData("A =\n1 0 0 1\n0 1 1 0\nWhat is the rank of A?")]
    [InlineData("the sequence 2 4 6 8, what comes next?")]
    public void DigitsInListsAndRows_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("¿Cuál es el código postal del centro de Málaga? ¿29015?")]
    [InlineData("Le code postal de Nantes, c'est 44000 ?")]
    [InlineData("Qual é o código de área de Curitiba? 41 3333-2222")]
    [InlineData("Kod pocztowy Gdańska to 80-001?")]
    [InlineData("Код ошибки 0x80070422 при обновлении")]
    [InlineData("Posta kodu 06690 Çankaya mı?")]
    [InlineData("エラーコード 0x8007000d が出る")]
    [InlineData("Fix the crash in 2.14.3, users on 2.13.9 are fine")]
    [InlineData("the PIN pad calls sha256(pin) before sending, is that enough?")]
    public void PublicCodesVersionsAndHex_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("el código para entrar al portal es 5521")]
    [InlineData("kod do domofonu: 1288")]
    [InlineData("o código da garagem é 9034")]
    public void SecretCodesInTheSameLanguages_StillAre(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("CVV 774, exp 02/29 — book the ferry with it")]
    [InlineData("Kartın güvenlik kodu 529, son kullanma 10/28")]
    [InlineData("säkerhetskoden är 306")]
    public void ThreeDigitSecurityCodes_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Where is the CVV printed? It should be 3 digits on the back.")]
    [InlineData("the security code field accepts 123 as a test value")]
    public void SecurityCodeTalk_IsNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("mijn klantnummer bij de verzekeraar is 88120457, kun je de brief schrijven?")]
    [InlineData("my student number is S20241187, put it in the email header")]
    [InlineData("mój numer legitymacji to 4471902")]
    [InlineData("내 학번 번호는 20241187 이야")]
    public void MyNumberWithAnIdValue_IsSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("my order number is 44810273, where is it?")]
    [InlineData("mijn bestelnummer is 20261204, wanneer komt het?")]
    [InlineData("mi número de pedido es 55123987")]
    [InlineData("my phone number is 0612345678, call me")]
    [InlineData("the number is 12345678 in the example")]
    public void PublicNumbers_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Die Postbank-Geheimzahl ist 7720")]
    [InlineData("PUK: 90381127, SIM locked")]
    [InlineData("Ihre pushTAN lautet 448 201")]
    [InlineData("garage opener code changed to 6021")]
    [InlineData("l'allarme si spegne con 5512")]
    public void PinsByOtherNames_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("How long does a PUK stay valid after 10 wrong PINs?")]
    [InlineData("The TANK holds 2000 litres")]
    [InlineData("The alarm went off at night for 20 minutes")]
    public void PinTalk_IsNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("driving licence no. SMITH751203JB8XY, expires next year")]
    [InlineData("Führerschein-Nr. B072RRE2I55")]
    [InlineData("numer dowodu osobistego: AXB 552190")]
    [InlineData("내 계좌 110-552-881902 로 보내줘")]
    [InlineData("口座 1234567 に振り込んで")]
    [InlineData("acct 40019283, sort code 04-00-75")]
    [InlineData("Routing 011000015, checking 8839201475")]
    public void LicencesIdsAndAccounts_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("How do I renew my driving licence online?")]
    [InlineData("Routing 1000000 requests through the gateway took 3 seconds")]
    [InlineData("checking 20 files for lint errors")]
    public void LicenceAndAccountTalk_IsNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("psql is fine but redis://:Vx81mQz7Lp@10.2.0.4:6379 refuses")]
    [InlineData("$ mysqldump -u app -pKastanje42 shop > shop.sql")]
    [InlineData("Şifrem artık Deniz.1987 oldu")]
    [InlineData("비번 #2468* 이야")]
    [InlineData("the wifi pass is lemonadestand9, tell the guests")]
    [InlineData("network key is sunflowerfield7 on the sticker")]
    public void PasswordsInUnusualShapes_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("mysql -u root -p shop\nEnter password:")]
    [InlineData("redis://:@localhost:6379/0 is the default")]
    [InlineData("the password is in report2024.pdf on the share")]
    [InlineData("Wie lang muss ein Passwort 2027 sein?")]
    [InlineData("my boarding pass is on the phone")]
    public void PasswordTalkAndCommands_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Кодовое слово для банка «Жирафа»")]
    [InlineData("my childhood best friend was Marek Nowicki, that's the bank question")]
    [InlineData("comme réponse à la question secrète, Mme Fournier, ma maîtresse")]
    [InlineData("check my wallet words: cabin lizard tunnel orbit pepper drama fossil mango raven sketch glide ocean")]
    [InlineData("dial combination is left 33, right 8, left 21")]
    [InlineData("支付的六位数字改成 550193 了")]
    public void AnswersAndSequences_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Should the security question feature stay on in Okta, Google and Azure?")]
    [InlineData("the combination of turns: left 2 blocks, right 3 blocks, left 1 block")]
    [InlineData("验证码是6位数字")]
    public void AnswerAndSequenceTalk_IsNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    /// <summary>Phenomena from the second unseen probe, <c>sensitive-lookalikes-6</c> (measured before these rules).</summary>
    [Theory]
    [InlineData("mi contraseña del portátil es el día de mi boda, 170698")]
    [InlineData("la senha do wifi agora é cafe_com_leite77")]
    [InlineData("Das Entsperrcode vom Tablet: 551903")]
    [InlineData("802-11-wireless-security.psk:   rainy-meadow-trail-41")]
    [InlineData("Min pinkod är 3391")]
    [InlineData("【みずほ】確認番号は 558213 です")]
    [InlineData("the laptop unlocks with 90817")]
    [InlineData("número de tarjeta 4000 1234 5678 9010 para la reserva")]
    public void SecondProbePhenomena_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Failed password for invalid user admin from 45.133.1.22 port 51022 ssh2")]
    [InlineData("DATABASE_URL=postgres://user:password@localhost:5432/mydb")]
    [InlineData("my password manager holds 1200 entries")]
    [InlineData("What's the sort code format — is it six digits like 12-34-56?")]
    [InlineData("Qual o código do Brasil? É +55 11 e o número?")]
    [InlineData("Mijn pakket met nummer 3SABCD1234567 staat stil")]
    [InlineData("Der Fehlercode 80070005 erscheint beim Update")]
    [InlineData("Gutscheincode 20261204 gilt nicht mehr?")]
    public void SecondProbeLookAlikes_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    /// <summary>False positives found on look-alikes after the second probe (each failed before its fix).</summary>
    [Theory]
    [InlineData("Datum;Empfänger;Betrag\n2026-10-01;SPOTIFY AB;-9,99\n2026-10-02;Vodafone GmbH;-39,99\n2026-10-03;Stadtwerke;-84,00")]
    [InlineData("Write an IBAN validator; it should reject DE00 1234 5678 9012 3456 78 and accept valid ones.")]
    [InlineData("My passport expires on 14 MAR 2027, can I still travel to Thailand in January?")]
    [InlineData("Reisepass gültig bis 3 Okt 2027 — reicht das für die Einreise?")]
    [InlineData("Bewertungen vom 25.11. 4 5 3 5 Sterne, fass sie kurz zusammen")]
    public void StatementsCheckersExpiriesAndReviews_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("2026-10-01;SPOTIFY AB;-9,99;IBAN DE44 2005 0550 1234 5678 90")]
    [InlineData("passport no. C4J7XK921, expires 14 MAR 2027")]
    [InlineData("Is this IBAN valid? NL91 ABNA 0417 1643 00, it's my landlord's")]
    [InlineData("Notiz: Tresor 25.11. geändert, neu 4 5 3 5 dann Enter")]
    [InlineData("db password is Harbour;Light-2027")]
    public void TheSecretsBesideThem_StillAre(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);
}
