using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// National, health and tax ids read by their shape and check digits (<c>SensitiveScanner.Ids</c>), and bank accounts
/// told in prose: each phenomenon a pair — values phrased unlike <c>corpus/dev/sensitive-lookalikes-10.jsonl</c> and
/// the numbers that only look like them. Every verdict is checked through <see cref="SensitivePrefilter"/> too.
/// </summary>
public class SensitiveIdTests
{
    [Theory]
    [InlineData("elev nou: Radu Mihai, 6110823032077, clasa a VII-a")] // Romanian CNP
    [InlineData("住客：李娜 510104200111305614")] // 身份证
    [InlineData("Kowalczyk Jan 95061133482 — wpisz do listy obecności")] // PESEL
    [InlineData("Mehmet Demir 47291038510 adına fatura kes")] // TC kimlik
    [InlineData("Neue Mitarbeiterin: L. Brandt, 53 081 729 467, Lohnsteuerklasse IV")] // Steuer-ID in its print groups
    [InlineData("Сотрудник Орлова А.В., 182-744-395 96, принята 01.12")] // СНИЛС
    [InlineData("titular: Carla Souza 105.837.264-53")] // CPF
    [InlineData("adhérente : Martin Léa 2 64 08 83 046 071 87")] // NIR
    [InlineData("pacientka Dvořáková 735902/1549, kontrola v úterý")] // rodné číslo
    [InlineData("Korhonen Aino 310577-2211 muutti Ouluun")] // henkilötunnus
    [InlineData("회원 박지훈 020113-3456784 등록 부탁")] // 주민등록번호
    [InlineData("Nils Berg 711120-3324 ska ha ny kallelse")] // personnummer
    [InlineData("ασφαλισμένος Νικολάου 30078021547")] // AMKA
    [InlineData("huésped: Pablo Ruiz, 30418726F")] // DNI
    [InlineData("la inquilina, Z1830571Y, entra el lunes")] // NIE
    [InlineData("NINO on the payslip: JT 48 21 93 A")] // UK NI number
    public void IdsWhoseShapeAndCheckSayEnough_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("patiënt geboren 1980, 548702135, graag terugbellen")] // BSN with a birth cue
    [InlineData("שם: נועה כהן, 227160439")] // Israeli id with a name cue
    [InlineData("اسم المريض فهد، رقم 1075498327")] // Saudi id
    [InlineData("beteg neve Szabó Anna, 092 187 346")] // TAJ
    [InlineData("KYC: 3615 0472 9814, Anil Mehta")] // Aadhaar
    [InlineData("申請書の番号欄に 6184 9273 0550 と書く")] // マイナンバー
    [InlineData("nama lengkap Dewi Lestari 3578 0245 1192 0007")] // NIK (a woman's day +40)
    [InlineData("Navn: Sofie Holm, 140893-4417")] // CPR
    public void IdsWithAWeakCheckAndAPersonalCue_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("548702135 rows were scanned in 12 s")] // BSN-valid, no personal cue
    [InlineData("build 227160439 failed on arm64")]
    [InlineData("Rechnung 53081729467 bitte bis Freitag zahlen")] // named public
    [InlineData("订单号 510104200111305614 物流到哪了")]
    [InlineData("EAN 5901234123457 and EAN 4006381333931 on the pallet")] // Luhn-valid barcode, not a card
    [InlineData("call 0712 345 678 or +48 601 234 567")]
    [InlineData("test with 4111 1111 1111 1111 and 1212 1212 1212")]
    [InlineData("epoch 1733401234567 ms, sequence 20261204-5531")]
    [InlineData("ISBN 978-3-16-148410-0, page 214")]
    [InlineData("the Luhn check of 79927398713 is a textbook example")]
    public void NumbersThatOnlyLookLikeIds_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("please pay the deposit to account 41920387, sort code 20-45-77")]
    [InlineData("wpłać na 74 1160 2202 0000 0001 6739 4021 do piątku")] // NRB with its check
    [InlineData("р/с 40702810400000012345, банк ВТБ")]
    [InlineData("みずほ銀行 新宿支店 普通 7301924 に振り込んで")]
    [InlineData("conta 77812-3 agência 1204, Bradesco")]
    public void AccountsToldInProse_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the bank charged 250000 EUR in fees last year")]
    [InlineData("my account was created on 12.03.2019")]
    [InlineData("bank holiday on 2026-12-26, branch closed")]
    [InlineData("What is a sort code and how many digits does an account number have?")]
    public void AmountsDatesAndBankTalk_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("forwarded: \"Revolut: 7301 is your code for the card payment of 14.20 GBP. Never share it.\"")]
    [InlineData("SMS de la banque : 58 20 19 ... non, c'est 582019, ne le communiquez à personne")]
    [InlineData("【京东】校验码 402918（5分钟内有效），请勿泄露给他人")]
    [InlineData("[Web발신] 승인번호 771903 — 본인이 아니면 신고하세요")]
    [InlineData("Ihre TAN 119 384 für den Auftrag an Stadtwerke — bitte nicht weitergeben")]
    [InlineData("kod potwierdzający z SMS-a to 39 91 20? nie, 399120")]
    [InlineData("Approval code K7Q2M9 for 12.00 EUR at SHELL")]
    public void CodesInNotifications_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Write the template: \"{code} is your verification code. Do not share it.\"")]
    [InlineData("The verification code expires after 10 minutes; we send 6 digits.")]
    [InlineData("log: otp failed user=2207 attempts=3")]
    [InlineData("Do not share your password with anyone, not even with us. Support: +44 20 7946 0958")]
    [InlineData("The verification code SMS costs 0.04 EUR per message, billed monthly")]
    public void NotificationTemplatesAndLogs_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("$ podman login quay.io -u robot -p Zq81mvWkp0\nError: unauthorized")]
    [InlineData("ran `hcloud context login staging 4fTq9ZkLm2Wx8Rb` twice")]
    [InlineData("vault login --token=hvs.CAESIJz9 and it says permission denied")]
    [InlineData("curl --user ci-bot:Tr4mpoline88 https://jenkins.local/api/json")]
    public void KeysOnACommandLine_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("podman login quay.io -u robot -p \"$QUAY_PASS\"")]
    [InlineData("echo $TOKEN | docker login ghcr.io -u me --password-stdin")]
    [InlineData("curl -u \"$USER:$PASS\" https://api.local and curl -u user:user https://x")]
    [InlineData("After login the dashboard shows VeryLongComponentName12 in the header")]
    [InlineData("npm login --registry=https://registry.npmjs.org/ --scope=@acme")]
    public void CommandLineVariablesAndProse_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("the garage keypad wants nine zero four six then the bell")]
    [InlineData("la cassaforte si apre con otto tre sette due")]
    [InlineData("kłódka w piwnicy: siedem trzy dziewięć jeden")]
    [InlineData("код домофона четыре ноль восемь один")]
    [InlineData("el candado: cinco nueve dos siete, no lo olvides")]
    public void DigitsSpelledWithSpaces_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the kids chanted one two three four, then hid")]
    [InlineData("eins zwei drei vier fünf, wer hat den Ball?")]
    [InlineData("six six six six is a metal joke")]
    [InlineData("we'll need two or three chairs and one table")]
    [InlineData("bir iki üç dört diye saydı")]
    [InlineData("null acht fünfzehn ist ein Ausdruck")]
    public void CountingAndProseWithDigitWords_AreNot(string text) => NotSensitive(text);

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
