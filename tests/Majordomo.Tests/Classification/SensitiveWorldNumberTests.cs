namespace Majordomo.Tests.Classification;

/// <summary>
/// Identity and money numbers around the world and their public look-alikes, one category a theory (probe 18 read by category,
/// docs/CLASSIFIER.md): each secret beside a look-alike of the same words.
/// </summary>
public class SensitiveWorldNumberTests
{
    [Theory]
    [InlineData("my ssn is 219 44 8812 do i put it on the w-9")]
    [InlineData("our tfn's 876 234 119, is that the one for the joint account?")]
    [InlineData("BVN 22461930875 pls confirm it's linked")]
    [InlineData("TIN 301-552-418 for the freelance invoice")]
    [InlineData("Meine Führerscheinnummer: K88XR41Z907")]
    [InlineData("fødselsnr 01129045677 står feil på skjemaet")]
    public void IdsByLocalNames_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("my sin is eating cake at midnight, 3 000 calories")]
    [InlineData("What does a TIN look like in the Philippines?")]
    [InlineData("Wie alt muss man sein für den Führerschein? Ich bin 2009 geboren.")]
    [InlineData("how long does a CNIC renewal take, is it a 10-year card?")]
    public void IdNounsWithoutAnId_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Thandi Mokoena, ID 8407220184088, please update the address")]
    [InlineData("マイナンバーは520193847262です")]
    [InlineData("ok found it, mine is 130 692 544 — the SIN letter was in the drawer")]
    public void IdsByTheirShape_AreSensitive(string text) => SensitiveCategoryTests.Sensitive("where's my SIN letter?\n" + text);

    [Theory]
    [InlineData("मेरा खाता नंबर 20931847562 है")]
    [InlineData("เลขบัญชี 7719204853 ครับ")]
    public void AccountsInMoreLanguages_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("el código de atrás de la tarjeta es 844")]
    [InlineData("die drei Ziffern hinten auf der Karte: 271")]
    [InlineData("Jag glömde säkerhetskoden. Den gamla var 602914, kan jag ta den igen?")]
    [InlineData("j'ai oublié le code de ma carte... c'est 5531 je pense")]
    public void CardCodesByWhereTheyArePrinted_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("what is the code on the back of the card for?")]
    [InlineData("We will never ask for your PIN.\nRiverside Bank, 0345 600 1200")]
    public void CardCodesNamedWithoutOne_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PassportZone_IsSensitive() => SensitiveCategoryTests.Sensitive(
        "read this:\nP<IRLBRENNAN<<AOIFE<MARY<<<<<<<<<<<<<<<<<<<<\nPX81920374IRL9105226F3209017<<<<<<<<<<<<<<02");

    [Fact]
    public void SpecimenZone_IsNot() => SensitiveCategoryTests.NotSensitive(
        "ICAO 9303 specimen:\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");

    [Theory]
    [InlineData("phone IMEI 353918104572066, is it locked to a carrier?")]
    [InlineData("Decode this for me: cGluZzIwMjY=")]
    [InlineData("which bank is sort code 30-96-34?")]
    [InlineData("charge says CARD ENDING 5521 - GOOGLE *YOUTUBEP8")]
    [InlineData("Stripe test Visa 4000 0566 5566 5556 declines in sandbox")]
    [InlineData("SSN validator: 078-05-1120 must be rejected, it is the Woolworth card")]
    [InlineData("fixtures use SSN 000-45-6789 so they can never be real")]
    [InlineData("Steuer-ID-Feld im Mockup, Platzhalter 12345678901")]
    [InlineData("passport renewal booked (ref PRN-55012)")]
    [InlineData("Nova Poshta shipment number 20400048321765 stuck in Lviv")]
    public void PublicNumbersAndExamples_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PublishedCardPastedAsOwn_StaysSensitive() =>
        SensitiveCategoryTests.Sensitive("my Amex 3714 496353 98431 was charged twice, what now?");
}
