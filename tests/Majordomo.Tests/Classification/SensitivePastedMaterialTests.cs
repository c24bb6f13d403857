using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Secrets and ids inside pasted material — letters, forms, statements, chat exports, tickets, tables — read from the misses and
/// false alarms of the blind probe <c>corpus/dev/sensitive-lookalikes-16.jsonl</c> by category (<c>SecretPhrases.Pasted</c>,
/// <c>SensitiveScanner.Pasted</c>; docs/CLASSIFIER.md, "Pasted material"): each detector with its look-alikes and each guard beside a
/// real secret of the same shape, phrased unlike the probe, in several languages.
/// </summary>
public class SensitivePastedMaterialTests
{
    [Theory]
    [InlineData("Kontoauszug 11/2026 — Empfänger Stadtwerke, IBAN DE44 **** **** **** **47 11, Betrag -84,20")]
    [InlineData("Aviso: el cargo en su cuenta ES** **** **** **** **** 3390 fue rechazado")]
    [InlineData("[국민은행] 출금 35,000원 계좌: ***-**-****-512")]
    [InlineData("カード番号：＊＊＊＊－＊＊＊＊－＊＊＊＊－4410 ご利用日 11/30")]
    [InlineData("주민등록번호: 880214-2****** 연락처는 따로 드릴게요")]
    [InlineData("Le prélèvement sera fait sur votre compte (se terminant par …7741) le 5 du mois.")]
    [InlineData("Ваш рахунок закінчується на 4410, платіж успішний")]
    public void MaskedValues_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Überweisung an Malerbetrieb Jost, IBAN DE02 1203 0000 0000 2020 51, Betrag 640,00")]
    [InlineData("주민등록번호: 880214-2038417 연락처는 따로 드릴게요")]
    [InlineData("My **PIN**: 4471 — please change it after")]
    [InlineData("**Password:** Lantern-Quay-58, don't share")]
    public void UnmaskedValuesBesideMarkdown_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Alarm code changed this morning, ask Priya in person.\nInsurer's claim ref CLM-2026-448120, visit on Tuesday.")]
    [InlineData("Le code de vérification ne marche pas.\nSupport : votre dossier porte la référence 55-30871.")]
    [InlineData("Il codice del lucchetto arriva per SMS.\nPrenotazione n° BKR-20931, ritiro alle 9.")]
    public void ReferencesOnTheNextLine_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Alarm code changed this morning.\nPriya: 6092")]
    [InlineData("Der neue Türcode?\nJonas: 5813, Ticket schließe ich gleich")]
    public void AnswersOnTheNextLine_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void AValueSearch_StopsAtAQuotedMailHeader()
    {
        SensitiveCategoryTests.NotSensitive("I'll fit a combination padlock and hand out the combo in person.\n> \n> > From: Alice Moore\n> > Sent: 2 December 2026 10:45");
        SensitiveCategoryTests.NotSensitive("Le cadenas à code sera posé lundi, je donnerai le code sur place.\n>\n> De : Alice Moreau\n> Envoyé : 2 décembre 2026 10:45");
        SensitiveCategoryTests.Sensitive("I'll fit a combination padlock, it opens on 14-27-09.\n> \n> > From: Alice Moore\n> > Sent: 2 December 2026 10:45");
    }

    [Theory]
    [InlineData("Nur dieses Wochenende 20 % Rabatt mit dem Code WINTER20 im Warenkorb")]
    [InlineData("Profitez de -15 % avec le code BIENVENUE15 sur votre première commande")]
    [InlineData("use code SPRING27 at checkout")]
    public void PromotionCodes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the parcel is in the bike room, code 4817, behind the door")]
    [InlineData("Der Code fürs Fahrradhaus ist 4817")]
    public void DoorCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("PERIOD OCT 2026  Tax code: 1257L  NI category A")]
    [InlineData("Your tax code is K475 from April")]
    [InlineData("The payroll sheet is password-protected: ask Finance.")]
    [InlineData("The signing key was rotated. New key ID: 2026-12-ed25519-02.")]
    [InlineData("Никогда не сообщайте пароль от Сбербанк365 третьим лицам")]
    [InlineData("Hasło do Allegro24 nigdy nie jest wysyłane mailem")]
    public void NamesOfPublicThings_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the password for Netflix2 is Otterbay!73, stop changing it")]
    [InlineData("The signing key was rotated. New key: 8Hq2mZ7vLp4xT9wKc3Rn6yBd.")]
    [InlineData("codice fiscale, tax code RSSMRA85T10A562S")]
    public void ValuesBesideTheirNames_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("【建设银行】请勿向任何人透露验证码。如有疑问请致电95533。")]
    [InlineData("Банк ніколи не питає код з SMS. Зателефонуйте на 0800 500 450.")]
    [InlineData("Los nombres de las salas siguen un esquema, por ejemplo: Orquidea-Delta-77! en cada cartel.")]
    [InlineData("GHSA-9vq4-x2m7-33pk — session fixation in auth-lite < 1.8.2")]
    public void NoticesAndAdvisories_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("【建设银行】您的验证码为 618204，请勿向任何人透露。")]
    [InlineData("Ваш код підтвердження 482913, нікому не повідомляйте.")]
    public void CodesInNotices_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Riverside Eye Unit\nPatient: Omar Haddad\nHospital no: RX7730214")]
    [InlineData("Praxis am Markt\nPatientennummer: 5530-1827\nTermine: 12.01. 08:30")]
    [InlineData("Paciente: Lucía Varela\nNº de historia clínica: 00-7712394")]
    [InlineData("환자번호: 20418833\n예약: 1월 9일 오전 10시")]
    [InlineData("NHS no 485 777 3456, GP surgery Elm Road")]
    public void PatientNumbersOnForms_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Patient no-show rate fell to 6% in November")]
    [InlineData("the hospital no longer sends paper reminders since 2024")]
    [InlineData("Hospital no: ********** (see your card)")]
    public void PatientWordsWithoutANumber_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("flat,tenant,intercom_pin\n1A,J. Ortiz,5830\n2B,M. Chen,0917")]
    [InlineData("name;police_certificate;checked\nAmy Lo;PC44810237;2025-06-02")]
    [InlineData("use the shared kiosk login, pw `Tram!lantern-Sixty`, and log out after")]
    [InlineData("Mot de passe du poste d'accueil : `Brume#Quai-Neuf`")]
    [InlineData("0 3 * * * MYSQLPWD=Quarry9!dawn mysqldump -u backup shop")]
    public void TablesInlineCodeAndVariables_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("flat,tenant,intercom_pin\n1A,J. Ortiz,****\n2B,M. Chen,****")]
    [InlineData("the kiosk pw is in `vault/kiosk/login`, don't paste it here")]
    [InlineData("redis is password protected now: `requirepass` reads REDIS_PASSWORD")]
    [InlineData("deploy ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart web")]
    public void TablesInlineCodeAndVariablesWithoutAValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("[09:12] Agent: For security, what's the memorable word on the account?\n[09:13] Me: it's \"lighthouse\"")]
    [InlineData("09:12 - Agente: ¿me confirma la palabra secreta?\n09:13 - Yo: \"girasol\"")]
    public void ChatExportAnswers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void AChatExportWithoutAnAnswer_IsNot() =>
        SensitiveCategoryTests.NotSensitive("[09:12] Agent: For security, what's the memorable word on the account?\n[09:13] Me: I'd rather not type it here, can you call me?");

    [Fact]
    public void ABlankTemplatesPhoto_IsNotAPersonalDocument()
    {
        Assert.False(WithImage("É um modelo de ficha em branco do condomínio: Nome ______________ CPF ___________ RG ________"));
        Assert.True(WithImage("Foto do meu passaporte, o número está legível?"));
        Assert.True(WithImage("My passport, the form wants it in the boxes: ______ ______"));
    }

    internal static bool WithImage(string text)
    {
        var body = JsonSerializer.Serialize(new
        {
            messages = new object[]
            {
                new { role = "user", content = new object[] { new { type = "text", text }, new { type = "image_url", image_url = new { url = "https://example.org/scan.png" } } } },
            },
        });
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        return HeuristicClassifier.Sensitive(view) != SensitiveKind.None;
    }
}
