using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The leftovers of probes 20 and 27 by category (docs/CLASSIFIER.md, "Leftovers of probes 20 and 27"), each secret beside its
/// look-alike twin of the same shape.
/// </summary>
public sealed class SensitiveProbe20And27LeftoversTests
{
    [Theory]
    // A framework's secret key with symbols, one "%s" among them by chance, in a tool's JSON output read once more.
    [InlineData("SECRET_KEY = \"django-insecure-w3#n!c8@q$x5^b2&m7(k)z+v9*d_r%sj1t=h4l\"")]
    [InlineData("{\"content\": \"import os\\nSECRET_KEY = \\\"d7!k2@v9#q$4^m&x8(z)w+1*r_t%sb5n=c3h\\\"\\nDEBUG = 0\"}")]
    // An Amex typed in fours.
    [InlineData("Guarantee card: 3718 2640 5938 175 exp 11/27")]
    // A hashed password dump: user rows with their MD5s, or WordPress's phpass hashes.
    [InlineData("the forum leaked, rows:\nid,user,pass\n7,ferris,0d107d09f5bbe40cade3de5c71e9e9b7\n8,ilse_v,d8578edf8458ce06fbc5bb76a58c5ca4")]
    [InlineData("leak sample\nuser_login;user_pass\nolga;$P$B4pQx8Lm2Wz7Rt9Vn3Yk5Hs1Jd6Gf0.\nmarek;$P$B7vTz2Kx9Wq4Lp8Rn3Yc6Hs1Jd5Gf0/")]
    // A PESEL mistyped in a row whose id the text names lines before; a СНИЛС in its print shape, named in the code after it.
    [InlineData("Daty urodzenia z PESEL są złe. Wiersz:\n\nNowak;Ewa;83071412881;Poznań")]
    [InlineData("Строка:\n\"Орлов\";\"Иван\";\"146-208-377 57\"\nКод: snils = row[2]")]
    // A network's noun inside a longer word names no network: "NetworkCredential(", "credential" (r-e-d-e).
    [InlineData("var creds = new NetworkCredential(\"svc-deploy\", \"Marram_Grass42\");")]
    [InlineData("the credential is Wq7_Lantern-Moss9 for the build user")]
    public void LeftoverSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("SECRET_KEY = os.environ['DJANGO_SECRET_KEY']")]
    [InlineData("DSN = \"%s:%s@tcp(%s)/%s?parseTime=true\"")]
    [InlineData("split this reference into parts: 3794 1234 5678 901")]
    // One hash asked about; a log's trace ids; file checksums.
    [InlineData("is `$2b$10$Qm4vX8zL2Wt7Rk9Pn3Yc6OeH1sJ5dG0aF2uK8iT4wB7nM1xC3vZ5q` a bcrypt hash, and what is the 10?")]
    [InlineData("what do m, t and p mean in `$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$Kx8mW2qL9vT4rZ7pN3yC6hJ1sD5gF0aE`?")]
    [InlineData("login ok, password check passed\nWARN slow trace=e624c12c0508e9b733dcf260761e781c\nWARN slow trace=400b759c268ea8bfef761df7105f3463")]
    [InlineData("sha256sum:\n9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  a.bin\n60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752  b.bin")]
    // A Wi-Fi network's name; a password told changed; a validator's test number; an aggregator's short ids; a WeChat appid.
    [InlineData("The Wi-Fi network is Harbour-Guest-5G, the password is on the fridge.")]
    [InlineData("Mein Tablet sieht das Netz FRITZ!Box-7590-QX nicht mehr.")]
    [InlineData("La password del Wi-Fi è cambiata, la trovi sotto il modem.")]
    [InlineData("write the elfproef in Go; 111222333 is the test value everyone uses")]
    [InlineData("{\"accounts\": [{\"id\": \"acc_4Kp9\", \"mask\": \"3310\"}]}")]
    [InlineData("module.exports = { appid: 'wx4d1e8c2a9b7f3056', mchid: '1600412291' }")]
    // A card's last four beside a notice that the PIN comes by post.
    [InlineData("Votre carte se termine par 5528. Votre code confidentiel vous sera envoyé par courrier. Ne le communiquez jamais.")]
    // A PESEL-shaped waybill number in a row with no id named.
    [InlineData("Wiersz:\nZAM-11;Gdańsk;10432000172;kurier")]
    public void TheirLookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    public static TheoryData<string, string, bool> Conversations => new()
    {
        // A passphrase the model made up, and its twin that explains the method only.
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"make me a passphrase for the new laptop"},{"role":"assistant","content":"Here's one: **lantern-quarry-meadow-41**"},{"role":"user","content":"great, taking it"}]}""", true },
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"how do I make a passphrase for the new laptop"},{"role":"assistant","content":"Here's one way: pick four random words and add digits."},{"role":"user","content":"great, thanks"}]}""", false },

        // A key file printed by a call, the key in the next message; the twin lists the file.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"compare the keys"},{"role":"assistant","content":[{"type":"tool_use","id":"k","name":"Bash","input":{"command":"cat config/master.key"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"k","content":"3fa1c9e07b52d84e6c0a97f1b3d25e48"}]}]}""", true },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"compare the keys"},{"role":"assistant","content":[{"type":"tool_use","id":"k","name":"Bash","input":{"command":"git rev-parse HEAD"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"k","content":"3fa1c9e07b52d84e6c0a97f1b3d25e4801c2d3e4"}]}]}""", false },

        // A document's photo: the user's own, and a specimen.
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},{"type":"text","text":"is my passport still valid?"}]}]}""", true },
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},{"type":"text","text":"is this the specimen passport from the ministry's page?"}]}]}""", false },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void ConversationPlaces_AreReadByWhatTheyHold(string protocol, string body, bool sensitive)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);
        Assert.Equal(sensitive, HeuristicClassifier.Sensitive(view) != SensitiveKind.None);
    }
}
