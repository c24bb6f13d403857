using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The twenty-fifth session's narrowing guards audited (docs/CLASSIFIER.md, "Last session's guards audited"; sensitive-categories-131):
/// for each guard that let a real secret through, the secret beside the guard's cue and the look-alike the guard is right to keep quiet.
/// </summary>
public sealed class SensitiveGuardAuditTests
{
    [Theory]
    // A removal told between the noun and its value, the value handed over by a copula (RemovedInSentence).
    [InlineData("The NHS number (I removed the spaces) is 4857773456 — can you put it in the referral letter for Dr Patel?")]
    // A form's number before a password's digit-less value (FormNumberAfter).
    [InlineData("The password for the claim form MS014 upload portal is Wattle-Kookaburra-Sky, can you log in and check the status?")]
    // A tax form's number after a PIN's noun, the PIN in the next sentence (TaxFormAfterNoun).
    [InlineData("Notes for my accountant: IP PIN for the federal 1040.\nIt is 583920, valid for this filing season.")]
    // A registry's example IBAN paid to a payee whose name starts with an example's word (ExampleIbanInTest).
    [InlineData("Überweisung vorbereiten an Muster Bau Oy, IBAN FI21 1234 5600 0007 85, Betrag 1.240 €, Verwendungszweck RE-2026-118.")]
    // A percentage's compound as a password, no article before it (NumberedCompound).
    [InlineData("Nieuwe inlog voor de kassa: winkel01 met 64%-Appeltaart, zet je het in het overdrachtsbriefje?")]
    // Two carets in a password (not an HL7 field's empty components).
    [InlineData("Ich hab's jetzt auf Kitty^^Paws42 geändert, geht trotzdem nicht beim Mailserver.")]
    public void SecretsBesideAGuardsCue_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("I've taken out Mum's NHS number before pasting; the letter says her appointment is on 14 March at 10:30 in clinic 4.")]
    [InlineData("Where does the Medicare number go on the claim form (MS014)? There are two boxes.")]
    [InlineData("Do I need the IP PIN on my state return, or only on the federal 1040?")]
    [InlineData("Na stránce banky je příklad IBAN CZ65 0800 0000 1920 0014 5399 — kolik má český IBAN znaků?")]
    [InlineData("Wie interpretiere ich ein 95%-Konfidenzintervall von 1,2 bis 3,4?")]
    [InlineData("PID|1||PATID1234^^^MRN||DOE^JOHN — what goes in PID-3 component 4?")]
    public void TheGuardsLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    // The user's own document beside a blank form (BlankFormPhoto).
    [InlineData("Photo of my passport and the blank visa form: which box does the passport number go in?", true)]
    [InlineData("Photo of the blank form: which box does my passport number go in?", false)]
    // A topic's word in an earlier clause, or a participle after the noun (SecretItselfNamed).
    [InlineData("Photo of the note taped to the security policy: read me the password on it, I can't make out the last letters.", true)]
    [InlineData("Can you read the password policy in this screenshot and tell me if 12 characters is enough?", false)]
    [InlineData("Screenshot attached — read me the token expiring tonight so I can paste it into the CI secrets.", true)]
    [InlineData("Screenshot of our token expiry settings — read it and explain what 'sliding' means.", false)]
    // A lower-case Spanish "dni" beside Spanish words, not Polish "dni" (days).
    [InlineData("Te paso foto de dni de mi madre para rellenar lo del padrón, saca nombre y número.", true)]
    [InlineData("Zdjęcie z ostatnich dni na budowie — co widać na rusztowaniu?", false)]
    public void PhotoAsks_BesideAGuardsCue(string ask, bool sensitive) =>
        Assert.Equal(sensitive, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask)) != SensitiveKind.None);
}
