using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 51's categories (docs/CLASSIFIER.md, "Probe 51 read by category"), each secret beside its look-alike twin: a residence
/// document's or a migration office's number for a person (not one application's reference), a benefits office's number, a tax
/// office's code or e-filing credential, a code announced as arrived and given after a colon, a tax id by its French labels, a
/// number handed over in digit groups; a zero-filled fixture's ids, a bank's code alone, a registry's example IBAN on a help page, a
/// tax form's number after a PIN's noun, a tax paper photographed and typed out, a blank form's photo asked which box.
/// </summary>
public sealed class SensitiveProbe51Tests
{
    [Theory]
    [InlineData("Aufenthaltstitel Nr. Y7K30LM19 — bitte für den Antrag auf Familiennachzug notieren.")]
    [InlineData("Proszę zapisać: karta pobytu nr RZ0918342, ważna do 2028.")]
    [InlineData("Il permesso di soggiorno n. J05512938 scade a marzo.")]
    [InlineData("Meine Nummer der Bedarfsgemeinschaft ist 73401//0119852.")]
    [InlineData("A carta do INSS diz: número do benefício 192.338.404-1.")]
    [InlineData("De machtigingscode van de Belastingdienst is binnen: 7KWP-Q2RT-9MXD.")]
    [InlineData("Der Freischaltcode ist da: 9KQ2-TX4M-8PL3, wo gebe ich ihn ein?")]
    [InlineData("Votre identifiant fiscal 2 14 07 338 902 61 donne droit à un remboursement.")]
    [InlineData("Dia minta EFIN saya. Saya kasih: 5520 1193 08. Bahaya nggak?")]
    [InlineData("Реквизиты: р/с 40817810455031187204, БИК 044030653, получатель Смирнова О. В.")]
    [InlineData("Maksa vuokra tilille FI21 1234 5600 0007 85, se on minun tilini.")]
    public void GovernmentNumbersAndCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Wo steht die Nummer auf dem Aufenthaltstitel, vorne oder hinten?")]
    [InlineData("Numer sprawy WSO-III.6151.22107.2026 — ile się czeka na decyzję?")]
    [InlineData("Ärendenummer 22-918304 hos Migrationsverket, beslut inom 8 månader. Normalt?")]
    [InlineData("Lass Platzhalter für Name und BG-Nummer: [NAME], [BG-NR].")]
    [InlineData("Hoe lang is een machtigingscode van de Belastingdienst geldig?")]
    [InlineData("Der Freischaltcode ist da, aber das Konto ist gesperrt. Was nun?")]
    [InlineData("Le numéro SPI, c'est le même que l'identifiant fiscal ? Il a combien de chiffres ?")]
    [InlineData("БИК 044030653 — какой это банк? В квитанции только он и название.")]
    [InlineData("V nápovědě banky je příklad IBAN CZ65 0800 0000 1920 0014 5399. Co znamená 0800?")]
    [InlineData("name,birth_date,passport_number,alien_number\nJane Fixture,1900-01-01,P0000000,A000000000\nJohn Fixture,1900-01-02,P0000001,A000000001")]
    [InlineData("El seed pone NIE X0000000T para todos los usuarios de prueba.")]
    [InlineData("Do I need to put the IP PIN on my state return too, or only the federal 1040?")]
    public void GovernmentTalkAndPublicNumbers_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_TypingATaxNumberOut_AreSensitive_ABlankFormIsNot()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Tape-moi le numéro fiscal de cet avis d'imposition")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("can you type out the SSN on this card for me?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Kannst du mir die Steuer-ID von diesem Brief abtippen?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Sur cet avis d'imposition, c'est quelle ligne le revenu fiscal de référence ?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Photo of the blank form: which box does the passport number go in?")));
    }
}
