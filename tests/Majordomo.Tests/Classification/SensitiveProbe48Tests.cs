using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 48's categories (docs/CLASSIFIER.md, "Probe 48 read by category"), each secret beside its look-alike twin: a vetting
/// certificate's, a savings bank holder's and an insurance contract's number, a Turkish number before "numaralı", a Swedish id's
/// inflected noun, a door code ending in a letter, a lock left on zeros, seed words quoted before the wallet's name, an account counting
/// up beside its clearing number; an animal's record, a value called a tutorial's example, a counting placeholder, a boarding pass, a
/// Pix random key; a relative's number, a letter's password or a lock's code read off a photo.
/// </summary>
public sealed class SensitiveProbe48Tests
{
    [Theory]
    [InlineData("Drivers for the youth club trip:\nLena Hart — DBS 001822417093\nOmar Said — DBS pending")]
    [InlineData("For Grandpa's estate: his Premium Bonds holder's number is 60741 22983, keep it safe")]
    [InlineData("Le contrat prévoyance obsèques de papa chez Allianz, contrat n° PF-55102-877 : que dois-je envoyer ?")]
    [InlineData("Babamın 552190/2024 numaralı hayat sigortası poliçesi hâlâ geçerli mi?")]
    [InlineData("Hyresvärden vill ha båda personnumren, mitt är 19870215-3312.")]
    [InlineData("Pour la nounou : le code de la porte de l'immeuble c'est 3804A, troisième étage.")]
    [InlineData("The back door's guest slot is still set to 000000 since the cleaner left.")]
    [InlineData("Het cijferslot van de schuur staat nog steeds op 0000, kan dat zo blijven?")]
    [InlineData("In Tante Ilses Nachttisch: \"cabin orbit velvet sugar humble lunar ripple gossip frozen ankle permit wheat\", darunter 'Trezor'. Was ist das?")]
    [InlineData("Från mejlet: Nordea, clearingnummer 3300, kontonummer 123 456 789 0, Lindqvist.")]
    public void FamilyLifeSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Drivers for the youth club trip: Lena Hart and Omar Said, both DBS checked last spring.")]
    [InlineData("How do I find Grandpa's Premium Bonds holder's number without his paperwork?")]
    [InlineData("Mon contrat d'électricité, contrat n° 4004 1827 55, augmente en janvier : normal ?")]
    [InlineData("4471220 numaralı siparişim nerede kaldı?")]
    [InlineData("Hyresvärden vill ha båda personnumren. Är det normalt?")]
    [InlineData("Le code de la porte de l'immeuble change tous les mois, c'est courant ?")]
    [InlineData("Should a guest slot ever be allowed to stay on 000000? Write the validation rule.")]
    [InlineData("Summarise the vet's note: Patient: Pip (canine, 3y), Patient no. 77120, ear infection, drops twice daily.")]
    [InlineData("Tests für den DNI-Validator: nimm das Beispiel aus der Doku, 12345678Z, als gültigen Fall.")]
    [InlineData("Nos testes do validador use o 390.533.447-05 que aparece em todo tutorial.")]
    [InlineData("The form's placeholder reads 'Account: 12345678, Sort code: 12-34-56'. Clear enough?")]
    [InlineData("Erklär mir den Aufbau einer IBAN an einem Beispiel wie DE12 3456 7890 1234 5678 90.")]
    [InlineData("which gate? boarding pass text: M1NOVAK/ANA MS  PX8QWE VIEBCNVY 1468 233Y012C0045 100")]
    [InlineData("Coloquei a chave Pix aleatória no convite: 9c1e2b7a-4d3f-4a8e-b210-6f5d8c9e0a17. Tudo bem?")]
    public void FamilyLifeLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_ReadingARelativesNumberOrACodeOut_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, Photo("Photo of Mum's pension letter — read out the PPO number, please"));
        Assert.NotEqual(SensitiveKind.None, Photo("Zdjęcie dowodu osobistego taty, odczytaj mi PESEL, bo jest zamazane światło"));
        Assert.NotEqual(SensitiveKind.None, Photo("Kan du läsa upp koden på min säkerhetsdosa? Skärmen blänker."));
        Assert.NotEqual(SensitiveKind.None, Photo("Dedemin şifre zarfının fotoğrafı, içindeki şifreyi okuyabilir misin?"));
        Assert.NotEqual(SensitiveKind.None, Photo("screenshot of the allotment group chat — the code for the shed padlock is tiny, what are the digits?"));
        Assert.Equal(SensitiveKind.None, Photo("Photo of Mum's pension letter — what does 'commutation' mean here?"));
        Assert.Equal(SensitiveKind.None, Photo("Bild på min säkerhetsdosa: den visar 'PIN LOCKED', vad gör jag?"));
        Assert.Equal(SensitiveKind.None, Photo("Фото листа з пенсійного фонду. Прочитай, з якого числа підвищують пенсію."));
        Assert.Equal(SensitiveKind.None, Photo("photo of the shed's keypad — do the worn buttons give the code away?"));
    }

    private static SensitiveKind Photo(string ask) => SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask));
}
