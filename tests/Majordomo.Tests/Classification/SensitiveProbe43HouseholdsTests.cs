using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 43's categories (docs/CLASSIFIER.md, "Probe 43 read by category": home, utilities, housing and public services), each secret
/// beside its look-alike twin of the same shape: accounts by their national shapes and nouns, a patient's number with a letter prefix,
/// nouns joined by a slash, a password handed over after a colon far down its sentence; a biller's account code, a company's NIF, a
/// utility's supply point and payer number, an account's tail, a ticket list's next row; photos of a router's back, a filled form and a
/// lock's or an alarm's log.
/// </summary>
public sealed class SensitiveProbe43HouseholdsTests
{
    [Theory]
    // A UK sort code and account with a comma between; a Czech or Slovak account with its bank's code after its noun.
    [InlineData("Landlord: send to 'P. Kowalski, 20-44-19, 41178820' for the deposit")]
    [InlineData("Pošlete zálohu na účet 35-1234567890/0100, díky")]
    [InlineData("Nájom posielajte na účet 2600184921/1100 do piatku.")]
    // Two nouns joined by a slash, the value after the second.
    [InlineData("Ich hab dem Berater meinen Benutzername/PIN 8841 gesagt, war das dumm?")]
    [InlineData("Sparkasse: Anmeldename/Legitimations-ID 5520 1184 77 schon im Chat angegeben")]
    // A patient's number by its abbreviation, its value a tracker's shape.
    [InlineData("Patiëntnr HP-55102 staat bij mevr. Visser")]
    // A password quoted after a colon at the end of a long ask.
    [InlineData("Turn our router password into a short song for the kids, they keep forgetting it, same characters please: \"Puffin9-Quarry-Mist\"")]
    // A bank's account beside a bill's words, a person's NIF, a card after its noun, a bank account of twenty digits, a full account.
    [InlineData("Account number: 31926655, sort code 30-94-57, pay by Direct Debit")]
    [InlineData("O meu NIF é 245 118 306, pode pôr na fatura?")]
    [InlineData("Numer karty: 4539148803436467, termin 12/28")]
    [InlineData("Мой счёт 40817810099910004312, вернули переплату")]
    [InlineData("引落口座の口座番号は1188420です")]
    [InlineData("the alarm code is below:\n4413")]
    public void AccountsRecordsAndHandedPasswords_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    // A date and a room's number; a case's number with a slash; a path; a tracker's ticket; a notice quoted after a colon.
    [InlineData("meeting on 20-11-26, room 41178820 booked")]
    [InlineData("Spis č. j. 1254/2026 — vyřízeno")]
    [InlineData("GET /api/username/pin 404")]
    [InlineData("ticket SHOP-2214 on the answer line")]
    [InlineData("Turn our router password notice into a short song for the kids, they keep asking, keep the meaning: \"Ask mum for it\"")]
    // A biller's account codes with letters; a company's NIF (5, check digit); a supply point's and an EIC code; a payer's number.
    [InlineData("Billing summary — Account number: HX-90C2B71D, due £44.10 by Direct Debit")]
    [InlineData("hey, acct BT-4471920 keeps showing an outage, any news?")]
    [InlineData("Umzug: Gas Kundenkonto EV-8830116 kündigen")]
    [InlineData("Fatura: Luz Boa, Lda. — NIF 509 218 830")]
    [InlineData("Numer PPE: 4539148803436467")]
    [InlineData("ЕИС-код: 62Z4402918837712")]
    [InlineData("Особовий рахунок: 1100382274, сума 812,40 грн")]
    [InlineData("Выпиши из квитанции: лицевой счёт 3300128847, сумма 1 204,50 ₽")]
    // An account's or a card's tail; a ticket list's next row after a smoke alarm's line.
    [InlineData("引落口座（口座番号下4桁 8842）")]
    [InlineData("카드 끝자리 5521로 결제됐어요")]
    [InlineData("#1201 Block B: fire alarm test failed\n#1202 Block C: lift noise")]
    public void BillersReferencesTailsAndRows_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotosWhoseAskSaysWhatTheyCarry_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, Scan("Foto von der Rückseite vom Speedport, tipp mir bitte den WLAN-Schlüssel ab."));
        Assert.NotEqual(SensitiveKind.None, Scan("路由器背面贴纸的照片，把WiFi密码念出来给我。"));
        Assert.NotEqual(SensitiveKind.None, Scan("Фото задней стороны роутера — продиктуй пароль от вайфая."));
        Assert.NotEqual(SensitiveKind.None, Scan("Screenshot of the smart lock app: the PINs used are listed next to each unlock. Whose was Tuesday's?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Photo of my filled-in pension credit form: is the NI number in the right box?"));
        Assert.Equal(SensitiveKind.None, Scan("Foto von der Rückseite vom Speedport: welches Kabel kommt in DSL?"));
        Assert.Equal(SensitiveKind.None, Scan("路由器背面的照片，哪个灯一直闪红色？"));
        Assert.Equal(SensitiveKind.None, Scan("Screenshot of the boiler's history: error codes are listed next to each event. Which keeps coming back?"));
        Assert.Equal(SensitiveKind.None, Scan("Screenshot of the smart lock app, the codes are hidden as ****. Why two unlocks at 3am?"));
        Assert.Equal(SensitiveKind.None, Scan("Photo of the blank pension credit form: which box does the NI number go in?"));
        Assert.Equal(SensitiveKind.None, Scan("Photo of my filled-in form, I covered the NI number and bank details. Is the rent section right?"));
    }

    [Fact]
    public void FilledFormAskedBeforeItsLastPage_IsSensitive()
    {
        const string body = """
            {"messages":[{"role":"user","content":[{"type":"text","text":"The pages of my benefit form, filled in: check the NI number and bank details."},{"type":"image_url","image_url":{"url":"https://img.example.org/p1.jpg"}}]},{"role":"user","content":[{"type":"text","text":"page 2"},{"type":"image_url","image_url":{"url":"https://img.example.org/p2.jpg"}}]}]}
            """;
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(body));
    }

    private static SensitiveKind Scan(string ask) => SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask));
}
