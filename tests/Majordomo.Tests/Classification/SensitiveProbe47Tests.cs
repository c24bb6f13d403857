using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 47's categories (docs/CLASSIFIER.md, "Probe 47 read by category"), each secret beside its look-alike twin of the same shape:
/// a staff number or a badge's number beside its holder, a disk's recovery key in its groups, a bank's log-in number, a pwdump line and
/// a cracked password, a vendor's default still in use, an Austrian policy's noun, a security question answered on the next line, a
/// photo whose ask reads a secret out; a link, a publishable key, a count or a host after a secret's noun, an adjective, a secret's name,
/// a table cell's last word, a private key's header named without its dashes, an app password's unquoted label.
/// </summary>
public sealed class SensitiveProbe47Tests
{
    [Theory]
    // A staff number or a badge's number beside its holder: a form's other line, a camel-case column, a door log.
    [InlineData("Starter form\nNew starter: Priya Ramaswamy\nTeam: Finance\nEmployee ID: 230719")]
    [InlineData("Name,StaffNo,Returned\nOwen Tredwell,55810,no\nIsla Mackay,55902,yes")]
    [InlineData("23:40  Badge 118204  Tomasz Wierzba  DC-CAGE-2 granted")]
    [InlineData("Catraca: 06:55 Crachá 40417 – Beatriz Lemos – entrada")]
    // A disk's recovery key in its groups.
    [InlineData("The BitLocker key the desk dictated: 112233-445566-778899-001122-334455-667788-990011-223344, still rejected")]
    [InlineData("FileVault recovery key from the old ticket: Q7WE-4RTY-8UIO-2PAS-6DFG-1HJK")]
    // A bank's log-in number told.
    [InlineData("Dad read his login number 66102847 to the caller before he hung up.")]
    // A pwdump line; a cracked password in an arrow's or a hash's pair.
    [InlineData("backup01:1204:aad3b435b51404eeaad3b435b51404ee:64f12cddaa88057e06a81b54e73b949b:::")]
    [InlineData("Cracked overnight:\nk.lindqvist -> Snowfall2024!")]
    [InlineData("hashcat results:\n5f4dcc3b5aa765d61d8327deb882cf90:Harbour77x")]
    // A vendor's default still in use on a real device.
    [InlineData("The warehouse door controller still runs the factory PIN 123456; nobody ever changed it.")]
    // An Austrian policy's noun.
    [InlineData("Polizzennummer KV-2291-551083, Versicherungsnehmerin Eva Grabner")]
    public void HelpDeskSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Starter form\nTeam: Finance\nEmployee ID: to be assigned by HR")]
    [InlineData("Row,Returned\n1,no\n2,yes")]
    [InlineData("23:40  Badge unknown  DC-CAGE-2 denied")]
    [InlineData("Quantos dígitos tem o número do crachá e onde ele fica impresso?")]
    [InlineData("The recovery screen shows Key ID 5B0E93C1 — which key do I ask the desk for?")]
    [InlineData("where do I find the login number for my online banking?")]
    [InlineData("What does aad3b435b51404eeaad3b435b51404ee mean in a SAM dump?")]
    [InlineData("Cracked passwords are listed in the sealed annex, not here.")]
    [InlineData("Our checklist says to change the factory PIN 123456 that the manual lists for every controller.")]
    [InlineData("Wo steht die Polizzennummer auf dem Versicherungsschein?")]
    // A link, a publishable key with Stripe on its line, a CJK count, a host after the noun.
    [InlineData("Phishing? 'Your password expires today, keep it here: hxxps://keep-pass365[.]online/owa'")]
    [InlineData("Pentester says our Stripe key leaks in main.js — pk_live_51AbCdEf0123456789GhIjKlMnOpQrStUvWx — is that critical?")]
    [InlineData("口令由5个随机词组成，词表有7776个词，熵是多少？")]
    [InlineData("When does the password on WS-PAY-0117 expire? I only need the date.")]
    // An adjective built on the noun, a count's or a name's noun after it, a table cell's last word.
    [InlineData("Which passwordless methods suit 300 kiosks with 2 shared users?")]
    [InlineData("Why does the password counter for a.nowak hit 5 at 07:15 every day?")]
    [InlineData("Write a script that reads the secret named in Vault; the secret name is 'ops-relay-2027'.")]
    [InlineData("| Step | Owner |\n|---|---|\n| Rotate shared admin passwords | Security |")]
    // A private key's header named without its dashes; an app password's unquoted label.
    [InlineData("Scan the repo for lines containing BEGIN RSA PRIVATE KEY and list the files.")]
    [InlineData("Activity log: 'App password created: Plotter-3F' on 4 Dec — that was me.")]
    public void HelpDeskTalkAndLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void SecurityQuestion_AnsweredOnTheNextTurn_IsSensitive_AndARefusalIsNot()
    {
        const string Answered = """{"messages":[{"role":"assistant","content":"Please answer your security question: what was the name of your first teacher?"},{"role":"user","content":"Mrs Abernethy. Please hurry."}]}""";
        const string Refused = """{"messages":[{"role":"assistant","content":"Please answer your security question: what was the name of your first teacher?"},{"role":"user","content":"I'd rather not type that here."}]}""";
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Answered));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Refused));
    }

    [Fact]
    public void PhotoAsks_ReadingASecretOut_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("I pressed 'reveal all' first, so the shared passwords are readable. Which ones repeat?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("O zelador mandou o código do cofre de chaves, tirei print. Pode digitar?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("SIMの台紙です。PUKを読み上げて。")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("The vault's passwords are hidden behind dots here. Which entries repeat by name?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Foto do cofre de chaves na porta. Como se abre esse modelo?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("SIMの台紙です。PUKは何回まで間違えられますか？")));
    }
}
