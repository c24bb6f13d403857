namespace Majordomo.Tests.Classification;

/// <summary>
/// Categories read from the misses and false alarms of the blind probe <c>corpus/dev/sensitive-lookalikes-11.jsonl</c>
/// (<c>SecretPhrases.LookAlikes</c>, <c>SecretPhrases.Documents</c>, <c>SensitiveScanner.Config</c>, <c>SensitiveScanner.Mistyped</c>):
/// each detector with values phrased unlike the probe, and each guard with the public values it lets through next to a real
/// secret of the same shape. Every verdict is checked through the prefilter too.
/// </summary>
public class SensitiveLookAlikeTests
{
    [Theory]
    [InlineData("Welche Rechnungen hat Kunde cus_R7tK2wQp9Lm noch offen?")]
    [InlineData("deployment dpl_4Hn8Zq2Wm6Rt is stuck in QUEUED, project prj_Kd93LxP0vQ2z")]
    [InlineData("checkout-web-6f8d9b7c5-x7k2m        0/1     CrashLoopBackOff   22")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIEpDCCAoygAwIBAgIQH7mZ2kXq9LbW4tNvR8sYpDANBgkqhkiG9w0BAQsFADAh\n-----END CERTIFICATE-----")]
    [InlineData("computed SHA-384 integrity 'Qm4Xk8Lp2Vz7Rt9Wb3Nc6Hd1Jf5Sg0Ya8Ue2Io7Pa4Ks9Ld3Fh6Gj1Mz5Xc0Vb8N'")]
    [InlineData("x-amz-cf-id: Lp8Wq3Zk7Rt2Vb9Nx4Mc1Hd6Jf0Sg5Ya8Ue3Io==\ncf-ray: 8e4f2a9c1b7d3e5f-FRA")]
    [InlineData("my gamertag is DuskRunner_42 on Xbox, add me")]
    [InlineData("Mon pseudo sur Twitch c'est Loutre_Rapide_07")]
    public void PublicIdentifiersShapedLikeKeys_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("user_id | refresh_token\n4411    | rtk_9Vb2Xq7LmP4sZk8Wc3Nd6Hy1Jf5Tg0Ra")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Vm2Xk9LqP4tR\n-----END PRIVATE KEY-----")]
    [InlineData("x-api-key: Lp8Wq3Zk7Rt2Vb9Nx4Mc1Hd6Jf0Sg5Ya")]
    [InlineData("username is DuskRunner_42 and the password I use there is Gr4vel!Pit_77")]
    public void SecretsOfTheSameShape_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("gpg:                using RSA key 4B7E2C9A1F3D8B6E0C5A7F2D9E1B3C8A6F4D2E7B\ngpg: Good signature from \"Jonas\"")]
    [InlineData("GitHub dice que mi firma no es válida. Mi clave GPG es 7A2C9E4B1D8F3E6C y el correo coincide")]
    [InlineData("    DB_PASSWORD: ${DB_PASSWORD:?must be set}")]
    [InlineData("kubectl get secret shows `token: KioqKioqKioqKio=`, is that masked?")]
    [InlineData("the chart's values show `password: Y2hhbmdlbWU=`, a default?")]
    [InlineData("our wiki says `git clone https://USERNAME:TOKEN@git.acme.dev/infra.git` and `curl -u USER:PASSWORD https://nexus`")]
    [InlineData("Админ сказал, что пароль надо хранить «для порядка» в менеджере паролей")]
    [InlineData("Как хранить СНИЛС клиентов, чтобы не нарушать 152-ФЗ?")]
    [InlineData("Steuer-ID (11 Stellen, Prüfziffer nach ISO 7064) in TypeScript prüfen")]
    [InlineData("주민등록번호 마스킹 정규식: 입력은 900101-1234567 같은 형식이야")]
    [InlineData("мой загранпаспорт действует до 3 ОКТ 2027, хватит ли для Турции?")]
    public void KeyIdsExpansionsMasksPlaceholdersNormsAndExamples_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("[database]\nDBServer=sql02\nDBPwd=Lantern_Fog_519")]
    [InlineData("SMTPPassword=Kranich!Tal2026")]
    [InlineData("'token' => '5e8b2f1c9a7d4e3b6c0f8a2d1e9b7c4a',")]
    [InlineData("is this default ok? `REDIS_PASSWORD: ${REDIS_PASSWORD:-Kx7mWq29!rZ}`")]
    [InlineData("does it decode? `password: VGlkZXdhdGVyITIwNA==`")]
    public void ConfigurationSecrets_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Czynsz proszę przelać na konto 61 1090 1014 0000 0712 1981 2874 do 10-go.")]
    [InlineData("Popescu Maria, CNP 2850917420017, domiciliată în Cluj")]
    [InlineData("W formularzu ZUS wpisałem PESEL 85071203412, ale system go nie przyjmuje")]
    [InlineData("\"Marcus Lee, DL no. K8834120, Nevada, exp 02/2030\"")]
    [InlineData("Číslo mého řidičského průkazu je EK 482913")]
    [InlineData("сверь: загранпаспорт 72 № 5530918")]
    [InlineData("A raktár kapukódja 5182, a riasztót 9043-mal kell kikapcsolni")]
    [InlineData("Türcode Lager 3. OG ab Dienstag: 4418.")]
    [InlineData("Bank prosi o numer dowodu osobistego. Na moim dokumencie jest ABC 523914, czy wpisać ze spacją?")]
    [InlineData("Las palabras de recuperación son: ábaco búho cóndor ímpetu náusea órbita úlcera réplica sílaba tímido ámbar débil")]
    public void IdsCodesAndSeedsByOtherNames_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Jak sprawdzić sumę kontrolną numeru NRB w Pythonie?")]
    [InlineData("what does DL# mean on a car rental form?")]
    [InlineData("Milyen hosszú legyen egy riasztó kódja, hogy biztonságos legyen?")]
    [InlineData("Unser Büro ist im 2. OG, der Code für die Tür steht am Empfang.")]
    [InlineData("Urząd prosi o numer prawa jazdy. Na moim dokumencie są dwa numery, z przodu i z tyłu.")]
    [InlineData("Quantas palavras de recuperação uma carteira usa, 12 ou 24?")]
    public void TheirNamesWithoutAValue_AreNot(string text) => NotSensitive(text);

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
