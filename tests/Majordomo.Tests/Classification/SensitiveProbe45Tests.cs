using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 45's categories (docs/CLASSIFIER.md, "Probe 45 read by category"), each secret beside its look-alike twin: a gift card's code
/// or PIN, a screenshot's password and an id card's number read off a photo; a gift card's code in a coupon's line; an authenticator
/// key typed by hand with a digit base32 lacks; a passport's number handed over a few words on in the next sentence; a student's id
/// under a snake-case column; a player's public id, a handle column's tags, a biller's account, an example IBAN a few words on, a season
/// pass's compound.
/// </summary>
public sealed class SensitiveProbe45Tests
{
    [Theory]
    // A gift card's or a prepaid card's code or PIN, read off the photo.
    [InlineData("This is the back of an Apple gift card, could you type out the code for me? The font is tiny.")]
    [InlineData("Die paysafecard auf dem Foto: tipp mir bitte die PIN ab, ich seh die Ziffern nicht.")]
    [InlineData("J'ai gratté la carte mais c'est flou, recopie-moi le code pour l'échanger.")]
    [InlineData("Foto de la tarjeta de regalo de Steam, dime el código que hay debajo.")]
    // A screenshot asked what its password is.
    [InlineData("my roommate screenshotted the router login for me, what's the password? it's blurry")]
    [InlineData("Auf dem Screenshot steht der Gastzugang. Wie lautet das Passwort?")]
    // An identity card by its generic name, its number read out.
    [InlineData("신분증 사진인데 번호 좀 읽어 주세요")]
    [InlineData("Foto do meu RG, me diz o número que está em cima?")]
    public void SecretsReadOffAPhoto_AreSensitive(string ask) => Assert.NotEqual(SensitiveKind.None, Scan(ask));

    [Theory]
    [InlineData("Is this Apple gift card a fake? The plastic wrap looks odd.")]
    [InlineData("Wie viel ist noch auf dieser paysafecard drauf? Der Wert steht vorne.")]
    [InlineData("Esse cartão-presente da foto serve para comprar jogos na loja?")]
    [InlineData("this sign-up screenshot: what's the password rule that keeps failing?")]
    [InlineData("En la captura, ¿cuál es la contraseña mínima que exige la app?")]
    [InlineData("Foto del ticket del guardarropa, ¿me dices el número? Se borró un poco.")]
    // A government's example card, named so.
    [InlineData("¿Qué fuente usa esta cédula de ejemplo (datos de muestra)?")]
    public void PhotosAskedAboutSomethingElse_AreNot(string ask) => Assert.Equal(SensitiveKind.None, Scan(ask));

    [Theory]
    // A gift card's code in a line that speaks of coupons.
    [InlineData("O código do cartão-presente da Renner é 7PQ2-KX8M-3TZW, dá pra usar com cupom de desconto?")]
    [InlineData("My Amazon gift card code is 9KQT-X2M7LP-4RVA, can I stack it with a promo coupon?")]
    // A code that only showed on stream, and a gift card's code there.
    [InlineData("oops, the code on stream was 482913 from my bank's SMS")]
    [InlineData("my Steam gift card code showed on stream, it's X7KQP-2MT9V-R4LDW")]
    // An authenticator key typed by hand with a digit base32 lacks ("9", "1", "0").
    [InlineData("setup key for the authenticator: 9QXK MT2P 4ZVR 1WLA H7DN. it says invalid.")]
    // A passport's number handed over a few words on in the next sentence.
    [InlineData("The agency asked for my passport. I already gave them the number (K72913480, expires 2030). Was that wise?")]
    [InlineData("Der Sponsor wollte meinen Reisepass. Die Nummer habe ich schon geschickt: C7KX29M41.")]
    // A student's id under a snake-case column.
    [InlineData("full_name,student_id,team\nNoah Ferris,RHS-24-01177,Blue\nIvy Lund,RHS-25-00318,Red")]
    // A password in a table's password column, shaped like a tag.
    [InlineData("slot,user,password\n1,wyvern,Wyv#rn7731!\n2,lumen,Lum3n#2209")]
    // A bank's account, with its sort code.
    [InlineData("Monzo account number 44172093, sort code 04-00-04 — is that what the brand needs to pay me?")]
    // The example IBAN told as one's own.
    [InlineData("my IBAN is GB82 WEST 1234 5698 7654 32, please pay the sponsorship there")]
    // A password's name joined to its environment.
    [InlineData("smtp-pass: Tq8!rLw3Zm in the compose file, is it read at start-up?")]
    public void Secrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    // A public code given out on a stream.
    [InlineData("The Genshin livestream gave out a code for everyone: LIVEGIFT2026. Does it stack?")]
    [InlineData("use creator code MAPLEFOX at checkout for a small discount")]
    [InlineData("the stream gave out gift codes for everyone: GIFT2026XZ")]
    // A key's look-alikes: letters only, a fingerprint's hex, a parcel.
    [InlineData("the manual key field expects groups like ABCD EFGH IJKL MNOP QRST, right?")]
    [InlineData("gpg fingerprint 3A1F 9C2E 77B0 D4E1 08AF 2C9D 5E61 BB02 7F4A 19C3, how do I verify it?")]
    // The next sentence's number a public one's.
    [InlineData("The agency asked for my passport. I already gave them the number of my flight (LH4417).")]
    [InlineData("Der Sponsor wollte meinen Reisepass. Die Buchungsnummer habe ich schon geschickt: C7KX29M41.")]
    // The same ids under a team's column.
    [InlineData("team_name,team_id,colour\nFerris Five,RHS-24-01177,Blue\nLund Crew,RHS-25-00318,Red")]
    // A player's public id.
    [InlineData("summoner lookup fails for this puuid — response gave me: Zk3Pq8Lm2Rt7Vw4Zn1Bc6Hd9Jf3Gs0Ya5Ue2Io7Kl4Mn8Qr1St3Vw6Xy9Zb0Cd2Ef4Gh7Ij")]
    // Tags in a handle column.
    [InlineData("slot,team,discord\n1,Frost Giants,wyvern#0042\n2,Pixel Pirates,lumen#7781")]
    [InlineData("name;battletag;rank\nMara;Mara#21877;Diamond\nJonas;Jonny#11402;Platinum")]
    // A pay-TV's or a broadband's account on its contract.
    [InlineData("Sky account number 7712 0493 18, can I drop the Cinema pack before the contract renews?")]
    [InlineData("Virgin account number 5520 1187 34 — the broadband bundle price went up, can I leave?")]
    // The example IBAN named as a help page's, a few words before it.
    [InlineData("the sample IBAN on the bank's FAQ page (GB82 WEST 1234 5698 7654 32) fails my validator when spaced")]
    // A season's pass.
    [InlineData("Samenvatting: het battle pass-seizoen is met een week verlengd.")]
    [InlineData("Die Pass-Saison ist diesmal länger, Ranked startet Freitag.")]
    public void LookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    private static SensitiveKind Scan(string ask) => SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask));
}
