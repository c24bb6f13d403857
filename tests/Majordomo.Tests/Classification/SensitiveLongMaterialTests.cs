using System.Text;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Long material, read from the false alarms and misses of the blind probe <c>corpus/dev/sensitive-lookalikes-25.jsonl</c> by
/// category (<c>SecretPhrases.LogFields</c>, <c>SensitiveScanner.CodeConditions</c>, docs/CLASSIFIER.md "Probe 25 read by
/// category"): each look-alike a line deep inside some thirty thousand characters of logs, and its secret twin in the same
/// place — a real value is found however deep it sits. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveLongMaterialTests
{
    // About 30k characters of ordinary service log with no secret in it, the line under test in the middle.
    private static string Deep(string line)
    {
        var log = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            log.Append("2026-10-").Append(10 + (i % 18)).Append("T08:").Append(10 + (i % 49)).Append(":05.120Z INFO  [exports-").Append(1000 + i)
                .Append("] request done path=/v3/items/").Append(4000 + (i * 7)).Append(" status=200 dur_ms=").Append(i % 900).Append('\n');
            if (i == 150)
            {
                log.Append(line).Append('\n');
            }
        }

        return log.ToString();
    }

    [Fact]
    public void TheFillerAlone_IsNot() => SensitiveCategoryTests.NotSensitive(Deep(""));

    [Theory]
    [InlineData("2026-10-02T11:04:19.551Z INFO  [mailer-7c1d0] auth: password verified account_id=a_58210 session=[MASKED] trace_id=5d0c1e7a-93b2-4f61-8a0e-2c7d41b9e6f3")]
    [InlineData("2026-10-02T11:04:20.008Z INFO  [geo-1a2b3] auth: refresh ok uid=usr_40711 token=[REDACTED] corr=a81f3c2e-07d4-4b9a-b5e1-9c0d2f6e4a17")]
    public void ALogLinesOtherFields_AreNot(string line) => SensitiveCategoryTests.NotSensitive(Deep(line));

    [Theory]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [mailer] smtp login user=noreply@kestrel-mail.example password=Zitrone#5521 host=smtp")]
    [InlineData("2026-10-02T11:04:21.300Z DEBUG [audit] auth: pin check ok account_id=a_77120 pin=7316 (plaintext)")]
    [InlineData("2026-10-02T11:04:22.100Z INFO  [audit] user changed pin from 4471 to 9083 uid=usr_2231")]
    public void ASecretInALogLine_IsSensitive(string line) => SensitiveCategoryTests.Sensitive(Deep(line));

    [Theory]
    [InlineData("app/core/secrets.py:41:    if not password: raise MissingSecret(\"DB password unset\")")]
    [InlineData("app/db/pool.py:12:    elif passphrase: conn.unlock(passphrase)")]
    [InlineData("app/cli/main.py:88:    while not token: token = await refresh()")]
    public void APythonConditionOnASecretsName_IsNot(string line) => SensitiveCategoryTests.NotSensitive(Deep(line));

    [Theory]
    [InlineData("database:\n  user: app_rw\n  password: Quartz-Lime-8842")]
    [InlineData("settings.py:3:password: Brombeere&Tau19")]
    public void ASecretAfterItsNamesColon_IsSensitive(string line) => SensitiveCategoryTests.Sensitive(Deep(line));

    [Theory]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [payments] config loaded api_key=sk_live_****7a1c")]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [payments] config loaded token=ghp_********b2e9")]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [payments] config loaded secret=whsec_****0d4f")]
    public void AMaskedKey_IsNot(string line) => SensitiveCategoryTests.NotSensitive(Deep(line));

    [Theory]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [payments] config loaded api_key=sk_live_51Hq7rTb2XkP9mWc4LzN8vQe")]
    [InlineData("2026-10-02T11:04:19.551Z DEBUG [payments] admin login Harbor!Quill72 accepted")]
    public void AnUnmaskedKeyOrPassword_IsSensitive(string line) => SensitiveCategoryTests.Sensitive(Deep(line));

    [Theory]
    [InlineData("| C-448120 | 2026-10-03 | mail | password reset mail never arrived | P1 | Jonas | 1175 |")]
    [InlineData("| C-902311 | 2026-10-04 | chat | 2FA phone replaced | P2 | Priya | 2840 |")]
    [InlineData("| C-117734 | 2026-10-05 | form | PIN letter not received | P3 | Teo | 4410 |")]
    public void ATicketTablesTopicCell_IsNot(string row) => SensitiveCategoryTests.NotSensitive(Deep("| case | created | via | topic | prio | owner | minutes |\n|---|---|---|---|---|---|---|\n" + row));

    [Theory]
    [InlineData("| WLAN-Passwort Lager | Nordlicht4471 |")]
    [InlineData("| PIN | 4821 |")]
    [InlineData("| larmkod kontoret | 7730 |")]
    public void ALabelCellAndItsValue_IsSensitive(string row) => SensitiveCategoryTests.Sensitive(Deep("| what | value |\n|---|---|\n" + row));

    [Theory]
    [InlineData("[18:02] Sanne: alarmcode van het kantoor\n[18:02] Sanne: 6291")]
    [InlineData("Meine IBAN:\nDE27 1001 0010 0987 6543 21")]
    [InlineData("what's the gate code?\n\nAna: 4471")]
    public void ANounAnsweredOnTheNextLine_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(Deep(text));
}
