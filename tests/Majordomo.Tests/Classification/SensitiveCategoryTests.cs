using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The category detectors (issue 13 item 3: a secret recognised by its kind's shape, not by one phrasing): each
/// phenomenon a pair — secrets phrased unlike <c>corpus/dev/sensitive-lookalikes-7b.jsonl</c> and the look-alikes
/// the rule must leave alone. Every verdict is checked through <see cref="SensitivePrefilter"/> too.
/// </summary>
public class SensitiveCategoryTests
{
    [Theory]
    [InlineData("paste this into the plugin settings please: Rk4mQ9zT2wLx7Bn3Vp8Hc5Ja")]
    [InlineData("der Händler schickte uns Ke9Wm2Xq7Lp4Rz8Tn3Bv6Yc für die Schnittstelle")]
    [InlineData("log: forwarding with q7xk2m9z4p8w3r6t1v5y0n2b8c4d to the upstream")]
    [InlineData("TOTP backup: MZXW6YTBOI3DEMRSGQ4TQ2LQ")]
    [InlineData("MAILER=SG.k3Jd8QpW2zRt.Lm7Xn4Bv9Ck2Pq8Wz5Yt3Hs6Dg1Fa")]
    public void RandomCredentialsOfAnyVendor_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("GET /api/items/7c9e6679-7425-40de-944b-e07fc1f90ae7 returns 500")]
    [InlineData("cherry-pick 3f9a2c1e7b4d8f6a0c2e5b7d9f1a3c5e7b9d1f2a onto main")]
    [InlineData("\"integrity\": \"sha512-Lm7Xn4Bv9Ck2Pq8Wz5Yt3Hs6Dg1Fa0Rk4mQ9zT2wLx7Bn3Vp8Hc5Ja\"")]
    [InlineData("img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP8AAAAAAAAAAAAAAAAAAA\"")]
    [InlineData("rename getUserAccountById2 to findAccountByUserId in the service")]
    [InlineData("kubectl describe pod payments-6f8d9c7b5-q4kzt shows OOMKilled")]
    [InlineData("watch https://www.youtube.com/watch?v=aB3dE5fG7hK&t=120s and summarise")]
    [InlineData("Tracking: JJD014600008827364510 and 1Z999AA10123456784")]
    public void HashesIdsAndIdentifiers_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("request headers:\nCookie: lang=en; laravel_session=eyQ9mX2kP7zL4vR8tN1bY6cH; theme=dark")]
    [InlineData("Set-Cookie: JSESSIONID=9F3A2C7E1B4D8F6A0C2E5B7D9F1A3C5E; Path=/; Secure")]
    [InlineData("{\"session_token\": \"q8Zx3Lm9Wv2Rt7Ny4Kb1Hc6P\"}")]
    [InlineData("Cookie: sid=0b7e2f1a-93c4-4d2e-8f6a-5c1d9e3b7a24; theme=dark")]
    [InlineData("curl -b 'connect.sid=s%3Ak8Wz2Qm7Xp4Lr9Tn3V.aB5cD7eF9gH1jK3mN5pQ' https://app.local")]
    public void SessionCookies_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Cookie: theme=dark; lang=de; consent=1")]
    [InlineData("Explain Set-Cookie: sessionid=<value>; HttpOnly; Secure")]
    [InlineData("session_timeout=3600 and session.cookie_secure=true in php.ini")]
    [InlineData("req.session.id = crypto.randomBytes(16).toString('hex')")]
    [InlineData("Runtime: agent=main | session=agent:main:explicit:144aa398-3231-4355-9dee-0a8b77f81fc4 | sessionId=144aa398-3231-4355-9dee-0a8b77f81fc4 | host=workstation | shell=bash")]
    [InlineData("{\"session_id\": \"0b7e2f1a-93c4-4d2e-8f6a-5c1d9e3b7a24\", \"turn\": 3}")]
    public void CookieSettingsAndDocs_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("otpauth://totp/Bank:ana@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBV&issuer=Bank")]
    [InlineData("authenticator setup key: MFRG GZDF MZTW Q2LK NNWG 23TP")]
    [InlineData("clé TOTP : gezd gnbv gy3t qojq")]
    public void AuthenticatorSecrets_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("The URI looks like otpauth://totp/ISSUER:ACCOUNT?secret=SECRET&issuer=ISSUER")]
    [InlineData("use test card 4242 4242 4242 4242 in Stripe's test mode")]
    [InlineData("order ABCD EFGH IJKL MNOP is a placeholder name")]
    public void AuthenticatorDocsAndGroupsOfDigits_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("seed (don't share): abandon ladder vapor kitten mixture galaxy ribbon throw sunset oxygen velvet danger")]
    [InlineData("frase de recuperación:\n1. canal 2. lunar 3. brisk 4. glance 5. oyster 6. maple 7. sword 8. drift 9. cotton 10. pledge 11. hazard 12. eagle")]
    [InlineData("кошелёк, слова: timber wagon crisp motion ivory shove bleak angle tunnel piano fancy orbit")]
    public void SeedWordsAfterAWalletCue_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("vocabulary: timber, wagon, crisp, motion, ivory, shove, bleak, angle, tunnel, piano, fancy, orbit — make flashcards")]
    [InlineData("my wallet was stolen at the station today and now every single card must be cancelled before tonight")]
    [InlineData("What is a seed phrase and why are there twelve or twenty-four words?")]
    public void WordListsAndWalletTalk_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("MRN 7730192 — write the referral letter to cardiology")]
    [InlineData("mijn polisnummer: 5521 0087 34")]
    [InlineData("codice fiscale BNCLRA85M41F205X per la prenotazione")]
    [InlineData("被保険者番号は 33019284 です")]
    [InlineData("Sozialversicherungsnummer 65 170839 J 003 bitte eintragen")]
    public void HealthAndInsuranceNumbers_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Where do I find the MRN on a discharge letter?")]
    [InlineData("Il codice della pratica è 2026/MIL/00412, a che punto è?")]
    [InlineData("códigos postais: 1000-001 Lisboa, 4000-100 Porto")]
    [InlineData("Um comboio parte às 7h10 e faz 240 km a 80 km/h")]
    public void HealthTalkReferencesAndPostalCodes_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("backup codes:\n3kd9q-x7m2p\n81hzv-q0w3e\nm5t2k-9xr7d\nw4n8c-2jq6y\n")]
    [InlineData("Google backup codes\n1. 4471 0938\n2. 8812 3306\n3. 5529 1174\n4. 9903 2286")]
    [InlineData("mina reservkoder: 5512 9043, 7781 2260")]
    public void RecoveryCodeLists_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("SKUs:\nAB12-CD34 x4\nEF56-GH78 x2\nJK90-LM12 x7\nNP34-QR56 x1")]
    [InlineData("commits:\n9c1e4b7a\n3f2d8e1c\n7a6b5c4d\n1e2f3a4b")]
    public void ListsOfProductCodesAndHashes_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("the gym locker opens with four-one-eight-six")]
    [InlineData("la combinación es nueve, dos, siete, cinco")]
    [InlineData("Zahlenschloss: sieben-drei-null-acht")]
    [InlineData("код на калитке: три, девять, один, шесть")]
    public void DigitsSpelledAsWords_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Count with me: one, two, three, four, five!")]
    [InlineData("we switched to a four-two-three-one formation")]
    [InlineData("Écris 3792 en toutes lettres")]
    [InlineData("a one-time code will be sent to you")]
    public void CountingAndFormations_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Q: what's the login for the kiosk tablet?\nA: maplesyrup44")]
    [InlineData("ich nutze überall Zitronenbaum77, ist das schlimm?")]
    [InlineData("для входа в кабинет: Berezka-2291")]
    public void BarePasswordsByALoginOrReuseCue_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("my gamertag is shadowfox93, suggest cooler ones")]
    [InlineData("log in to windows11 fails after the update")]
    [InlineData("Compare the iPhone15 and the Pixel8 cameras")]
    [InlineData("the account was created in 2019 and renamed in 2023")]
    public void HandlesProductsAndYears_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Для входа на портал у папы Сирень1958, поменять?")]
    [InlineData("inloggning på klubbens sida: Hallon2023")]
    [InlineData("the tablet login: user ana / pinecone2009")]
    [InlineData("~/.pgpass: pg.local:5432:shop:shop_rw:Marzipan#771")]
    [InlineData("router sticker: Network Key: 8812 3390 4471 0026")]
    public void OtherScriptsFieldsAndDigitKeys_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("mi cuenta de correo es lucia1990 en gmail, ¿cómo cambio la foto?")]
    [InlineData("login do forum: wilk_77, jak zmienić podpis?")]
    [InlineData("[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=")]
    [InlineData("Is a 12-word recovery phrase weaker than a 24-word one?")]
    [InlineData("my user account was made in 2019 and my username is ana.lopez")]
    public void HandlesPublicKeysAndCounts_AreNot(string text) => NotSensitive(text);

    internal static void Sensitive(string text)
    {
        Assert.True(SensitiveScanner.IsSensitive(text), text);
        Assert.NotEqual(SensitiveKind.None, SensitivePrefilter.Scan(text));
    }

    internal static void NotSensitive(string text)
    {
        Assert.False(SensitiveScanner.IsSensitive(text), text);
        Assert.Equal(SensitiveKind.None, SensitivePrefilter.Scan(text));
    }
}
