using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 49's categories (docs/CLASSIFIER.md, "Probe 49 read by category"), each secret beside its look-alike twin of the same shape:
/// a roster's ids beside names, a record number with the name after it or before its comma, a claim number with its insurer, a card
/// column's whole numbers, a cookie's name/value object, a storage key as a dotted setting's value, an Azure SAS's signature, a
/// log-in's "user / password" in any script, a word ("respects", "specificity") no longer read as documentation; a study's approval
/// number, a pseudonymised subject's code, a password manager's folder, a trivial PIN weighed, an id's documented example, Stripe's
/// publishable key named, an IBAN's tail after "ends".
/// </summary>
public sealed class SensitiveProbe49Tests
{
    [Theory]
    // A roster: an employer's, a university's or a study's number beside each person's name.
    [InlineData("Sort this by surname:\n\nStaff ID | Name | Unit\nK-40913 | Oliver Grant | Radiology\nK-40987 | Amara Osei | Pathology")]
    [InlineData("Maak een lijst gesorteerd op naam, met studentnummer:\n\ns3018842 Daan Mulder 6,8\ns3019917 Eva Jansen 7,9")]
    [InlineData("학번 순으로 정렬해 줘:\n정하늘 2021150233 수학과\n윤지아 2020148812 물리학과")]
    [InlineData("Estrai in JSON codice partecipante, nome ed età:\n\nCP-0911 | Giulia Neri | 44\nCP-0912 | Paolo Riva | 39")]
    // A record number with the person named after it or before its comma; a claim number with its insurer.
    [InlineData("payroll query about staff no. 551209 (Hamid Karimi) — the overtime is missing")]
    [InlineData("Olusegun Ade, staff no. 2291847, asks about the PPV.")]
    [InlineData("Numero di sinistro 77-4410-2291 con Allianz: scrivi un sollecito.")]
    // A card column's whole numbers (their checksums not asked).
    [InlineData("txn_id|card_number|amount\nT-1|4716 2290 3381 0457|19.90\nT-2|5390 1184 7726 3015|64.00")]
    // A session cookie's value, a storage key as a setting's value, a SAS's signature.
    [InlineData("await page.setCookie({ name: 'sessionid', value: 'x9Kq2mT7vB4nL8pR3wZ6yH1c' });")]
    [InlineData("spark.conf.set(\"fs.azure.account.key.labdata.blob.core.windows.net\", \"Tq8Lm2Xz5Rv9Bn3Kc7Wd1Hf4Jp6Sa0Ye+Gu2Io5Qw8Er/Ty1Ui4==\")")]
    [InlineData("wasbs URL with ?sv=2022-11-02&ss=b&sp=rl&se=2027-01-01&sig=Xk3Lq9Mz2Nv8Rt5Bw1Hy7Jd4Fs0Ga6Ec%3D fails")]
    // A log-in's user and password in Cyrillic after its noun.
    [InlineData("Письмо: вход в систему опросов — petrova.a / Сосна-Ветер-15, не пересылайте.")]
    // "respects" and "specificity" are no documentation words: the cookie and the student number stay.
    [InlineData("Refactor this scraper so it respects rate limits:\n\nS.cookies.set(\"sessionid\", \"q8v2nlx3u0pk7r9e1ymt4hs6bd5cga0w\", domain=\".portal.example\")")]
    // A weak PIN stated as the one in use.
    [InlineData("The shared PIN for the lab tablets is 0000 since last year.")]
    public void ResearchSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Sort this by unit:\n\nUnit | Headcount\nRadiology | 14\nPathology | 9")]
    [InlineData("Estrai in JSON codice partecipante ed età:\n\nCP-0911 | 44\nCP-0912 | 39")]
    [InlineData("which form field takes the staff no. on a payroll query?")]
    [InlineData("Dove si trova il numero di sinistro sulla lettera di Allianz?")]
    [InlineData("txn_id|card_number|amount\nT-1|4716 22** **** 0457|19.90\nT-2|5390 11** **** 3015|64.00")]
    [InlineData("await page.setCookie({ name: 'sessionid', value: process.env.SID });")]
    [InlineData("spark.conf.set(\"fs.azure.account.key.labdata.blob.core.windows.net\", dbutils.secrets.get(\"lab\", \"storage-key\"))")]
    [InlineData("the SAS looks like ?sv=2022-11-02&sp=rl&sig=<SIGNATURE> in the docs")]
    [InlineData("Письмо: вход в систему опросов через университетскую учётную запись.")]
    // A study's approval number; a password manager's folder; a trivial PIN weighed; an id's documented example; a publishable key; a tail.
    [InlineData("We're planning the study. Our ethics approval number is 26-0331-HSR; do we need a DPA?")]
    [InlineData("The shared creds live in Bitwarden, folder 'Survey-Team-2026'. Tell the intern.")]
    [InlineData("Would 0000 be a good idea as the shared PIN for the lab tablets?")]
    [InlineData("Testy do walidatora PESEL: weź przykład z dokumentacji, np. 44051401359.")]
    [InlineData("The checkout uses the publishable key pk_live_51Qx8ZrKx3LmTq0pV9cWb2YeHs7dJf4GkRu1oAi6 on the frontend.")]
    [InlineData("bank details on file (IBAN ends 4471)")]
    [InlineData("how to handle mixed strings like 'OTP 382A71' in the normaliser's property tests")]
    public void ResearchLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_ReadingATokenAPasswordOrAnIdOff_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Screenshot of my notebook's output: read out the GitHub token line for me")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Consegue ler a senha da rede que aparece nesse print?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("学生証の写真です。学籍番号を読み取ってください。")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Screenshot of my notebook's output: why does the kernel die here?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Add my account; when it asks for the password, stop and I'll type it.")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("学生証の写真です。番号は隠してあります。写真は明るいですか？")));
    }
}
