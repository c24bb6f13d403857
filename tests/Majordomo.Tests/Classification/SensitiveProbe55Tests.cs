using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 55's categories (docs/CLASSIFIER.md, "Probe 55 read by category"), each secret beside its look-alike twin: an IBAN grouped by
/// its national fields, a signing or webhook secret after its noun, an account in pairs beside a branch's code, a gift card's number or
/// a voucher's code, a delivery's hand-over code, a Danish one-time code, a password with a tax word glued by '_'; a publishable key in
/// a page, a storefront's or a merchant's token, a terminal's numbers, a company's tax number, a promotion's code, a payment alias, a
/// manual's dialled default, a vendor's documented sandbox login, a slip's approval code.
/// </summary>
public sealed class SensitiveProbe55Tests
{
    [Theory]
    [InlineData("Bonifico per l'affitto del laboratorio su IT 82 K 03069 09606 100000063217, causale dicembre.")]
    [InlineData("Mollie shows the webhook signing secret as 7Hq2Lm9Xz4Rv8Tn1Kc6Wb3Yd5Gs0Ja for our shop. Verification still fails.")]
    [InlineData("payroll note: sort code 11-22-48, account 73 18 44 02, Dana Whitfield")]
    [InlineData("Geschenkkarte für Herrn Brandt verkauft, Nummer 6200 4471 0933 5128, 25 € Guthaben.")]
    [InlineData("Código de entrega para o motorista não, espera: código de entrega 7741, diz ao estafeta.")]
    [InlineData("Bogholderen skal bruge engangskoden, den er 640 218.")]
    [InlineData("till login for Sunday: the password is Harbour_GST4")]
    public void ShopSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Our landing page's JavaScript loads Stripe with pk_live_51TkQ8wNm3Vb7Xc2Lp9Rz4Ja6Hd0Fs1Gy5Ek. Is that a leak?")]
    [InlineData("The browser sends X-Shopify-Storefront-Access-Token: 5e0a9c41d27b38f6e1a4c9d2b07f3e88 on every product page.")]
    [InlineData("Our merchant token on the marketplace is A1ZQ84KXLP2T9W, buyers see it in the shop link.")]
    [InlineData("Il tecnico chiede il codice esercente 60441827 per riavviare il POS.")]
    [InlineData("В договоре поставки ИНН покупателя указан как 7811204463 — это юрлицо?")]
    [InlineData("Ο ΑΦΜ της εταιρείας μας είναι 801447219, μπαίνει σε κάθε τιμολόγιο.")]
    [InlineData("A cégünk adószáma 26611044-2-41, rákerül minden számlára.")]
    [InlineData("Post for the bakery: use كود الخصم BREAD15 for 15 % off this week, for everyone.")]
    [InlineData("Kunden zahlen per Bizum an 611 204 877 — darf die Nummer aufs Schild an der Kasse?")]
    [InlineData("Il manuale dice che il lucchetto ha il codice di fabbrica 0-0-0, come lo cambio al primo uso?")]
    [InlineData("Die Sandbox-Doku des Versanddienstes nennt den Testzugang Passwort 'DemoVersand2024!' — trotzdem 401.")]
    [InlineData("Na potwierdzeniu z terminala stoi 'Kod autoryzacji: 118204' — trzymać do księgowości?")]
    [InlineData("Mr Hale bought a gift card, order #GC-20417. How does he check the balance?")]
    public void ShopLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void FilledFormPhoto_NamingItsIdAndBankFields_IsSensitive_BlankFormIsNot()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Las hojas del alta de autónomo ya rellenas: ¿están bien el NIF y el IBAN?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Hoja del alta de autónomo en blanco: ¿dónde va el NIF?")));
    }
}
