namespace Majordomo.Tests.Classification;

/// <summary>
/// What the readers of probes 30 and 31 left, by category (<c>SecretPhrases.VendorShapes</c>, <c>SecretPhrases.PublicIds</c>,
/// <c>SecretPhrases.StickerKeys</c>, <c>SensitiveScanner.VendorShapes</c>; docs/CLASSIFIER.md "Leftovers of probes 30 and 31"): each
/// secret beside its look-alike twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveProbe30And31LeftoversTests
{
    [Theory]
    [InlineData("client = Client('AC0b2e4d6f8a1c3e5b7d9f0a2c4e6b8d1f3a', '7e3c1a9f5b2d8e4c6a0f1b3d5e7c9a2b')\nclient.messages.create(to='+441632960001', body='hi')")]
    [InlineData("var rest = new TwilioRestClient(\"AC5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b\", \"Qm4xT9vK2pL7wR3nZ8cF5hJ1\");")]
    public void ASecretAsAClientCallsLaterArgument_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("client = Client('AC0b2e4d6f8a1c3e5b7d9f0a2c4e6b8d1f3a', os.environ['TWILIO_AUTH_TOKEN'])\nprint(client.messages('SM4c6e8a0b2d4f6a8c0e2b4d6f8a0c2e4b').fetch().status)")]
    [InlineData("ok = verify_download('go1.23.4.linux-amd64.tar.gz', '6924efde5de86fe277676e929dc9917d466efa02fb934197bc2eba35d5680971')")]
    public void AnIdFirstOrAChecksumToAVerifier_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void AJetBrainsActivationCode_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("GoLand says the activation code is invalid:\n\n" + "K4PW7ZX2QM-" + string.Concat(Enumerable.Repeat("eyJsaWNlbnNlSWQiOi/Kx7Lm2+Qp9Zr3", 8)));

    [Fact]
    public void AnImagesBase64_IsNot() =>
        SensitiveCategoryTests.NotSensitive("why is this image broken? <img src=\"data:image/png;base64," + string.Concat(Enumerable.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB/Kx7Lm2+Qp9", 6)) + "\">");

    [Fact]
    public void AnXAppBearerToken_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("search returns 403: Client(bearer_token=\"AAAAAAAAAAAAAAAAAAAAAMq7Lw2Zp9Kx4Rt6Vn%2FBc3Hd8Jf1Qm5%3DTy7Ws2Xe9Pk4Lg6Nb1Rc8Vd3Fh5Jm\")");

    [Fact]
    public void AZeroIvInBase64_IsNot() =>
        SensitiveCategoryTests.NotSensitive("is a zero IV ok in our fixtures? \"iv\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"tag_len\": 128");

    [Theory]
    [InlineData("the Steam Guard mail just came: 7HQWX. it says the code is invalid")]
    [InlineData("Die SMS ist gerade gekommen: K4RT92. Die App lehnt sie ab.")]
    public void ACodeOfCapitalsAndDigits_HandedOverAsItArrived_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the Steam mail just came: ACCOUNT LOCKED. why?")]
    [InlineData("the mail just came: order A1234 ships on Monday, is that the express one?")]
    public void AnArrivalWithNoCodeEndingItsClause_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void ASolanaKeypairsBytes_AreSensitive() =>
        SensitiveCategoryTests.Sensitive("my id.json:\n[" + string.Join(", ", Enumerable.Range(0, 64).Select(i => (i * 37 + 11) % 256)) + "]\nhow do I get its pubkey?");

    [Theory]
    [InlineData(64, "the grey values of an 8x8 tile: [{0}] — what is their mean?")]
    [InlineData(32, "my program's public key as bytes: [{0}] — how do I print it in base58?")]
    public void SixtyFourGreyValuesOrAPublicKeysBytes_AreNot(int count, string format) =>
        SensitiveCategoryTests.NotSensitive(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, string.Join(", ", Enumerable.Range(0, count).Select(i => (i * 37 + 11) % 256))));

    [Theory]
    [InlineData("curl -X POST -d '{\"text\":\"done\"}' https://chat.example.org/hooks/k3m9q2x7w1p8z4r6t0y5u2i8oa")]
    [InlineData("WEBHOOK = \"https://rc.example.org/hooks/Pq7Lm2Kx9Rt4Vn3Bc/zY8wX2vU4tS6rQ0pO1nM3lK5jI7hG9fE2dC4bA6zY8wX2vU4\"")]
    public void AChatsIncomingHookKey_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("deliveries failing for https://github.com/acme/api/settings/hooks/512093377 — where are the logs?")]
    [InlineData("the docs show https://your-mattermost-server.com/hooks/xxx-generatedkey-xxx as the URL")]
    public void ANumberedHookOrAPlaceholder_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the router sticker says WPA key QRTM-VXKB-HZNP and the tablet says wrong password")]
    [InlineData("Auf dem Aufkleber: WLAN-Schlüssel PKWD-RMTX-ZHQN-BVLC")]
    public void AWifiKeyInTheStickersGroups_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void ASecurityModeOnTheSticker_IsNot() =>
        SensitiveCategoryTests.NotSensitive("the sticker says WPA key type WPA2-PSK-AES, which one do I pick on the old laptop?");

    [Fact]
    public void ASigningSecretGivenAsMineIs_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("¿Con qué secreto se firma el webhook? El mío es 3c9a1e7f5b2d8c4a6e0f9b1d3c5a7e9f2b4d6c8a0e1f3b5d7c9a2e4f6b8d0c1a y la firma no coincide.");

    [Fact]
    public void AChecksumGivenAsMineIs_IsNot() =>
        SensitiveCategoryTests.NotSensitive("which checksum does the release page list? mine is 3c9a1e7f5b2d8c4a6e0f9b1d3c5a7e9f2b4d6c8a0e1f3b5d7c9a2e4f6b8d0c1a");

    [Theory]
    [InlineData("mapboxgl.accessToken = 'pk.eyJ1IjoibWFyYSIsImEiOiJjbHgyeDl6cWUwMDF2MmtxeW5wZ3Z6cG5hIn0.aB3dE5fG7hJ9kL1mN3pQ5r';")]
    [InlineData("Our Mixpanel project token is 4f8a2c6e0b1d3f5a7c9e2b4d6f8a0c1e, browser events arrive fine.")]
    public void AKeyMadeToBeShippedInPages_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("upload script: sk.eyJ1IjoibWFyYSIsImEiOiJjbHgyeDl6cWUwMDF2MmtxeW5wZ3Z6cG5hIn0.aB3dE5fG7hJ9kL1mN3pQ5r")]
    [InlineData("Our Mixpanel API secret is 4f8a2c6e0b1d3f5a7c9e2b4d6f8a0c1e, imports fail with 401.")]
    public void ItsSecretTwin_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("my Switch friend code is SW-5512-0347-8861, add me")]
    [InlineData("secret scanning flagged 'Stripe API Key' in commit 9b2f4d6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d, status revoked")]
    [InlineData("my wallet address is 7Lq2Kx9Rt4Vn3Bc8Hd1Jf6Mp5Wz2Ys7Tg4Ue9Ia3Ob6Pc, why no airdrop?")]
    [InlineData("OSRM gives \"hint\": \"Kx7Lm2Qp9Zr3Vt8Ws4Yn6Bc1Hd5Jf0Mg2Pk7Rt4Vx9Zq3Ln8Ws6Yb1Cd5Hf0Jm\" — can I cache it?")]
    [InlineData("Amplify: userPoolId 'eu-central-1_Rk4Lm8Qp2', userPoolWebClientId 'q8w2e4r6t1y3u5i7o9p0a2s4d6'")]
    [InlineData("the worker read key session:55120 after it expired — replica lag?")]
    [InlineData("$ aws sts get-caller-identity\n{\"UserId\": \"AROA4KX7LM2QP9ZR3VT8W:ci\", \"Account\": \"419283746501\"}")]
    public void APublicIdOfAService_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the lockbox code is 551908, the plumber comes at 9")]
    [InlineData("the token in that file was Kx7Lm2Qp9Zr3Vt8Ws4Yn6Bc1Hd5Jf0, rotate it")]
    [InlineData("I exported the private key: 4Kx7Lm2Qp9Zr3Vt8Ws4Yn6Bc1Hd5Jf0Mg2Pk7Rt4Vx9Zq3Ln8Ws6Yb1Cd5Hf0JmKx7Lm2Qp9Zr3Vt8Ws4Yn6Bc1Hd5Jf0Mg2Pk7")]
    [InlineData("the app client's secret is 1h9k3m5p7r2t4v6x8z0b2d4f6h8j0l2n4p6r8t0v2x4z6b8d0f, what do I HMAC?")]
    public void TheirSecretTwins_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Traduci: \"Il wifi si chiama Vodafone-A7C3F2, la password è sull'etichetta dietro il modem.\"")]
    [InlineData("Übersetze: \"Das WLAN heißt Ferien-Haus-5G, das Passwort steht auf dem Zettel in der Küche.\"")]
    [InlineData("Alarm: the code and the keyholder password word are in the 1Password vault 'Shop'.")]
    public void ANetworksNameOrWhereTheKeyIsKept_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Traduci: \"Il wifi si chiama Vodafone-A7C3F2 e la password è Limone-Vela-84.\"")]
    [InlineData("Alarm: code 5512, keyholder password word 'plover'.")]
    public void TheKeyItself_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("この注意書きを英語に：暗証番号は絶対に教えないでください。紛失はフリーダイヤル 0120-44-7781 へ。")]
    [InlineData("Write a blurb for our padlock 'Clasp 3': 3-digit code, ships set to 000, weighs 1.1 kg.")]
    [InlineData("Was ist das? (leeres SEPA-Mandat, IBAN-Feld leer, Gläubiger-ID DE12ZZZ00001234567)")]
    public void APublicLineADefaultOrACreditorId_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("暗証番号は 5819 です。紛失はフリーダイヤル 0120-44-7781 へ。")]
    [InlineData("we changed the shed lock from 000 to 648 yesterday")]
    [InlineData("Das Mandat ist ausgefüllt: IBAN DE44 5001 0517 5407 3249 31, Kontoinhaber J. Berger.")]
    public void ThePinTheNewCodeOrTheAccount_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
