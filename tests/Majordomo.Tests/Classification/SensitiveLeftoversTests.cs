namespace Majordomo.Tests.Classification;

/// <summary>
/// The leftovers earlier readers of probes 20, 22, 23, 24 and 25 named (<c>corpus/train/sensitive-categories-37.jsonl</c>;
/// <c>SecretPhrases.CommonWords</c>, <c>SecretPhrases.ToolLookAlikes</c>, docs/CLASSIFIER.md "The leftovers of probes 20–25"): each
/// category a pair — values phrased unlike the probes, in several languages, and what only looks like them. Every text is checked
/// through the prefilter too.
/// </summary>
public class SensitiveLeftoversTests
{
    [Theory]
    [InlineData("Mi NIE es Y2715830K, ¿lo pongo con guiones en el contrato?")]
    [InlineData("para la gestoría: nie x-5092714-b, caduca en 2028")]
    [InlineData("il mio nie spagnolo è Z 3318620 F, serve per il conto")]
    public void SpanishNieByItsCapitalsOrItsShape_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("czemu ten import nie przechodzi?\n2026-10-02 11:20:14 ERROR batch 77120 rejected")]
    [InlineData("Nie wiem, dlaczego zamówienie 440918 nie zostało wysłane.")]
    [InlineData("Das habe ich nie bestellt, Rechnungsnummer 2026-88431.")]
    public void PolishNotAndGermanNever_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("校验函数有 bug，我用我自己的号码 11010519850317283X 测的")]
    [InlineData("テストには自分の番号 8812 0473 5521 を入れています")]
    [InlineData("我拿本人的号码 44030619910817254X 试了一下，结果不对")]
    public void OwnNumberUsedInATest_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("身份证的权重是 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2，模 11 的余数对应校验码")]
    [InlineData("マイナンバーのテストにはダミーの 111111111111 を使っています")]
    [InlineData("expect(validaCPF('333.333.333-33')).toBe(false)")]
    [InlineData("Le numéro de sécurité sociale, l'exemple imprimé est 1 23 45 67 890 123")]
    public void WeightsFillersAndCountingExamples_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("SLACK_BOT_TOKEN=xoxb-your-token")]
    [InlineData("SLACK_APP_TOKEN=xapp-seu-token-aqui")]
    [InlineData("[pypi]\nusername = __token__\npassword = pypi-<TOKEN_HERE>")]
    [InlineData("await api.post('/login', { user, password: pwd });")]
    [InlineData("PW=$(vault kv get -field=password secret/app/db)")]
    public void PlaceholdersAndVariables_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("SLACK_BOT_TOKEN=xoxb-4417209358-8812047735261-Zp3qLm8vRt2wXy9K")]
    [InlineData("[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJGQ4ZjE3YTkyLTU0")]
    [InlineData("await api.post('/login', { user, password: 'Brise-Lame42' });")]
    public void RealValuesBesideThem_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Key     Value\naccessor            Rk7mQ2xPv9LbT4nWc8sZ1dHy\npolicies            [ops]")]
    [InlineData("x-amz-id-2: Tq8vL2mXr9Kb4Zs7Wn1Pc6Yd3Fh5Jg0Ue8Ai2Ko5Lr7Mt9Pw3Qy6Zx1Bv4Cn8Dh2Fj5Gk7=")]
    [InlineData("sig = request.headers.get('X-Hub-Signature-256', '')")]
    [InlineData("customer account acct_7Hq2m and request req_Lx4Pz9Wq")]
    [InlineData("ERROR [homekit_controller] Pairing failed for Nanoleaf-Strip-9B2E: setup code rejected")]
    [InlineData("r = s.post(URL, json={'username': CCU_USER, 'password': CCU_PASS})")]
    [InlineData("data={'grant_type':'password','password':PASSWORD,'scope':'home.user'}")]
    public void ToolsPublicNamesAndReferences_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("token               hvs.CAESIB2kq9Xv7LmT4pWz8sYb1nHc6dFj3gKa5oXi0uEe7wQv\ntoken_accessor      Rk7mQ2xPv9LbT4nWc8sZ1dHy")]
    [InlineData("r = s.post(URL, json={'username': 'admin', 'password': 'Keller-Tür88'})")]
    public void TheirSecretTwins_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("const ST_PAT = '4c8e2a91-6b3f-4d07-a1e5-9f2c7b0d3e48';")]
    [InlineData("PAT = \"0b7f3e2d-81c4-4a69-b5d2-6e9f1a3c8d70\"")]
    [InlineData("Cookie: Session_id=3:1765101122.5.0.1765101122000:Xy7pQr:4c.1.2:1|1130000049981234.-1.0.1:3|m2Kq8Lw5Vb1Nz7Rt0Yp4Mc6Fs9Hg3Jd")]
    [InlineData("세대주 정 하 늘  820917-1 5 3 0 8 2 4  전입 2020.01.15")]
    [InlineData("Ich habe die Schatzkiste auf unseren Haustürcode 6042 gestellt, schreib vier Rätsel dazu")]
    [InlineData("signer = Account.from_key(\"0x3c9e1f7a2b5d8e0c4a6f9b1d3e7c2a5f8b0d4e6a9c1f3b7e2d5a8c0f4b6e9a1d\")")]
    [InlineData("const account = privateKeyToAccount('0x7d2a9e4c1b8f3a6d0e5c9b2f7a4d1e8c3b6f0a9d2e5c8b1f4a7d0e3c6b9f2a5e')")]
    [InlineData("$ cat config/credentials/production.key\n7f3a9c1e5b2d8f4a0c6e9b3d7a1f5c8e\n$ rails c")]
    [InlineData("la combinaison de mon antivol c'est 7 3 1 9")]
    [InlineData("Jobbar på Nordberg Bygg AB men mitt personnummer 880412-3318 står fel på lönebeskedet")]
    public void LeftoverSecretsByTheirContext_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("const DEVICE_ID = '4c8e2a91-6b3f-4d07-a1e5-9f2c7b0d3e48';")]
    [InlineData("Cookie: _ym_uid=1765101122334455667; _ym_d=1765101122; yandexuid=8812340051765101122")]
    [InlineData("세대주 정 하 늘  1982. 09. 17.  전입 2020.01.15")]
    [InlineData("Ich habe für die Schatzkiste den ausgedachten Code 6042 gewählt, schreib vier Rätsel dazu")]
    [InlineData("tx = w3.eth.get_transaction('0x3c9e1f7a2b5d8e0c4a6f9b1d3e7c2a5f8b0d4e6a9c1f3b7e2d5a8c0f4b6e9a1d')")]
    [InlineData("$ cat config/master.key\ncat: config/master.key: No such file or directory")]
    [InlineData("Ma combinaison de plongée taille 42-44 me serre aux épaules")]
    [InlineData("Faktura från Nordberg Bygg AB, organisationsnummer 556677-8899, moms 25 %")]
    public void TheirLookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
