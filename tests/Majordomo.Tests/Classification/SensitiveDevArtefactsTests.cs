namespace Majordomo.Tests.Classification;

/// <summary>
/// Coding agents' tool results and developer artefacts (<c>SensitiveScanner.CommandFlags</c>, <c>.ConfigFiles</c>, <c>.IbanShapes</c>,
/// <c>.DevArtefacts</c>, <c>SecretPhrases.Handover</c>, <c>.DevArtefacts</c>), read from the misses and false alarms of the blind probe
/// <c>corpus/dev/sensitive-lookalikes-20.jsonl</c> by category: each detector beside what only looks like its value, phrased unlike the
/// probe and the train file. Every verdict is checked through the prefilter too.
/// </summary>
public class SensitiveDevArtefactsTests
{
    [Theory]
    [InlineData("redis-cli -h 10.4.0.9 -a Pq7rTz2wLm INFO keyspace")]
    [InlineData("ldapmodify -x -D 'cn=admin,dc=lab,dc=net' -w 'Vr6!kLq2Tz' -f users.ldif")]
    [InlineData("smbclient //fs1/scans -U scanner%Kopier3r2026 -c 'ls'")]
    [InlineData("net use S: \\\\nas\\scans /user:LAB\\scan Drucker#2026 /persistent:yes")]
    [InlineData("rabbitmqctl change_password monitor 'Wk3pLz9QmT'")]
    [InlineData("$p = ConvertTo-SecureString -String \"Hafen!2026Nord\" -AsPlainText -Force")]
    [InlineData("$db = new PDO('pgsql:host=db;dbname=crm', 'crm_app', 'Lk29xTqPwz');")]
    [InlineData("$link = mysqli_connect('127.0.0.1', 'shop', 'Rm4vQz8Ktp', 'shop');")]
    [InlineData("curl --cert ./partner.pfx:Zt8qLm2Vxr --cert-type P12 https://api.partner.test/v1/")]
    [InlineData("script:\n  - docker login -u ci -p Mq6Tz2LxVr registry.lab.net")]
    public void CommandOptionsAndCallArguments_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("redis-cli -a \"$REDIS_PASS\" --no-auth-warning PING")]
    [InlineData("ldapsearch -x -D 'cn=reader,dc=lab,dc=net' -W -b 'dc=lab,dc=net'")]
    [InlineData("smbclient //nas/share -U 'BENUTZER%KENNWORT'")]
    [InlineData("$p = ConvertTo-SecureString -String $env:BACKUP_PW -AsPlainText -Force")]
    [InlineData("$db = new PDO($dsn, getenv('DB_USER'), getenv('DB_PASS'));")]
    [InlineData("curl --cert ./partner.pfx:$CERT_PASS --cert-type P12 https://api.partner.test/v1/")]
    public void CommandsWithAVariableOrAPlaceholder_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("SECRET_KEY = 'q!7zX@4m&Lp#2vRt%9kWb^3nHs$8dJf'")]
    [InlineData("[wifi-security]\nkey-mgmt=wpa-psk\npsk=Kx7mQp2Lwz")]
    [InlineData("<Server><User>web</User><Pass encoding=\"base64\">V2ViU2hvcDIwMjYh</Pass></Server>")]
    [InlineData("dsn := \"api_rw:Tz9qLmVxKp@tcp(10.2.0.4:3306)/api\"")]
    public void ConfigFilesWithTheirSecret_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("SECRET_KEY = os.environ['SECRET_KEY']")]
    [InlineData("[wifi-security]\nkey-mgmt=wpa-psk\npsk-flags=1")]
    [InlineData("<Server>\n  <Host>ftp.lab.net</Host>\n  <Logontype>2</Logontype>\n  <Pass encoding=\"base64\" />\n</Server>")]
    [InlineData("dsn := fmt.Sprintf(\"%s:%s@tcp(%s)/%s\", u, p, h, d)")]
    [InlineData("2026-12-01T10:00:00Z Cache restored from key: pip-Linux-5e1c0a9b7d3f2e4a6c8b0d1f3e5a7c9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a")]
    public void ConfigsWithoutTheirSecretAndCacheKeys_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Bitte überweisen Sie auf DE71500105175407324931 bis Monatsende.")]
    [InlineData("<CdtrAcct><Id><IBAN>BE12731004562781</IBAN></Id></CdtrAcct>")]
    public void UnspacedIbansWhoseCheckFails_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("<CdtrAcct><Id><IBAN>{{ iban }}</IBAN></Id></CdtrAcct>")]
    [InlineData("reject DE00500105175407324931 in the validator's tests")]
    public void IbanTemplatesAndPlaceholders_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Übergabe:\n- Portainer: admin / Vq8tLm3Rzx\n- Backups laufen nachts")]
    [InlineData("Router → technik / Hq5vTz9Lmw")]
    public void HandoverUserSlashPassword_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("factory login: pi / raspberry, change it on first boot")]
    [InlineData("Proxmox: root / (im Tresor, Eintrag PVE)")]
    public void HandoverWithoutAValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the emulator's documented test key is in the sample config: AccountKey=Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA=")]
    [InlineData("le token d'exemple de la RFC 7519 : eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")]
    [InlineData("my seed phrase for the local devnet: test test test test test test test test test test test junk")]
    [InlineData("it asks 'Enter password:' and then exits with code 2")]
    [InlineData("Codice evento: EV-2026-55102-LM")]
    [InlineData("POSTGRES_USER=app POSTGRES_PASSWORD=postgres docker compose up")]
    public void DocumentedExamplesAndDefaults_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the docs told me to rotate it, so my new password is Fjord!Lantern82")]
    [InlineData("my seed phrase: ramp lunar olive tiger mercy crane basket humble orbit slogan fever pepper")]
    [InlineData("redirect: https://app.test/cb?code=4%2F0Ab32jKqLmZx7vTp9WcQe&state=ab12")]
    public void RealValuesBesideTheseWords_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
