using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

public class SensitiveScannerTests
{
    [Theory]
    [InlineData("use sk-proj-Qw8rT5yU2iO9pA3sD6fG1hJ4kL7zX0cV please", SensitiveKind.ApiKey)]
    [InlineData("key sk-ant-api03-AbC123dEf456GhI789jKl012", SensitiveKind.ApiKey)]
    [InlineData("stripe sk_live_51HqLyjWDarjtT1zdp7dcXhV3", SensitiveKind.ApiKey)]
    [InlineData("ghp_7Hf3kQ9xLmN2pR8sT4vW6yZ1aB5cD0eFgH2j", SensitiveKind.ApiKey)]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnop", SensitiveKind.ApiKey)]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAQ3EGRTW5KXN2LP7D", SensitiveKind.ApiKey)]
    [InlineData("token xoxb-2741938475-5829174620384-AbCdEfGh", SensitiveKind.ApiKey)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", SensitiveKind.ApiKey)]
    [InlineData("Authorization: Bearer a8f3k2m9x7q1w5e4r6t0y8u2", SensitiveKind.ApiKey)]
    [InlineData("client_secret = \"9f8e7d6c5b4a39281706f5e4\"", SensitiveKind.ApiKey)]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow...", SensitiveKind.PrivateKey)]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----", SensitiveKind.PrivateKey)]
    [InlineData("DB_PASSWORD=hunter22", SensitiveKind.Password)]
    [InlineData("{\"password\": \"Tr0ub4dor&3\"}", SensitiveKind.Password)]
    [InlineData("my password is Summer2024!", SensitiveKind.Password)]
    [InlineData("CREATE USER bob WITH PASSWORD 'abc123'", SensitiveKind.Password)]
    [InlineData("postgres://app:h7Gq2mVx9Lr@db.example.com/orders", SensitiveKind.Password)]
    [InlineData("card 4539 1488 0343 6467 thanks", SensitiveKind.CardNumber)]
    [InlineData("4539-1488-0343-6467", SensitiveKind.CardNumber)]
    [InlineData("amex 3782 822463 10005", SensitiveKind.CardNumber)]
    [InlineData("SSN 512-44-9021", SensitiveKind.PersonalId)]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", SensitiveKind.PersonalId)]
    [InlineData("GB82WEST12345698765432", SensitiveKind.PersonalId)]
    [InlineData("passport number C03005988", SensitiveKind.PersonalId)]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01", SensitiveKind.PersonalId)] // printed in groups: mistyped, still an account
    [InlineData("Zahlbar auf DE44 2005 0550 1234 5678 90 (Sparkasse)", SensitiveKind.PersonalId)]
    public void Scan_Secret_IsFound(string text, SensitiveKind expected) => Assert.Equal(expected, SensitiveScanner.Scan(text));

    [Theory]
    [InlineData("order number 4000123412341235 shipped")] // 16 digits, fails Luhn
    [InlineData("call 555-123-4567 tomorrow")] // phone, not an SSN
    [InlineData("area 000-12-3456 is never issued")]
    [InlineData("released on 2024-01-15 at 10:00")]
    [InlineData("timestamp 1700000000000 ms")] // starts with 1: no card network
    [InlineData("ref DE89370400440532013001 attached")] // unspaced and mod-97 fails
    [InlineData("the task-force meeting")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("password: string;")]
    [InlineData("password = getpass.getpass()")]
    [InlineData("the password is required")]
    [InlineData("api_key = \"<your-api-key>\"")]
    [InlineData("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("max_tokens = 4096 and primary key (id)")]
    [InlineData("he is the bearer of bad news")]
    [InlineData("I lost my passport in Paris in 2019")]
    [InlineData("see https://example.com/docs")]
    [InlineData("if password == expected:")]
    public void Scan_NearMiss_IsNotSensitive(string text) => Assert.Equal(SensitiveKind.None, SensitiveScanner.Scan(text));

    /// <summary>Provider tokens, webhook URLs, hashes and command-line secrets (issue 13 item 3): one per phenomenon.</summary>
    [Theory]
    [InlineData("tileset upload with sk.eyJ1IjoibWFyYSIsImEiOiJjbHgyeDl6cWUwMDF2MmtxeW5wZ3Z6cG5hIn0.aB3dE5fG7hJ9kL1mN3pQ5r", SensitiveKind.ApiKey)]
    [InlineData("bot = Bot('5829104736:AAFq9Lx2Vm7Rt4Kp1fWx2Nb6Yc8Hd1JqZz')", SensitiveKind.ApiKey)]
    [InlineData("Бот не отвечает, вот он: 5829104736:AAFq9Lx2Vm7Rt4Kp1fWx2Nb6Yc8Hd1JqZz", SensitiveKind.ApiKey)]
    [InlineData("POST to https://hooks.slack.com/services/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 fails", SensitiveKind.ApiKey)]
    [InlineData("le webhook https://discord.com/api/webhooks/1182736455091827364/Pq8xLm2Vz7Rt9Kp4fWx2Nb6Yc8Hd1Jq5Lz0Mr3T ne marche pas", SensitiveKind.ApiKey)]
    [InlineData("alice:$apr1$7Hk2Lp9x$Qm3Vz8Rt1Kx5Nw2Bc6Hd40", SensitiveKind.Password)]
    [InlineData("admin hash $2b$12$Kq8xLm2Vz7Rt4Kp1fWx2NeQm3Vz8Rt1Kx5Nw2Bc6Hd4Lp9xQm3Vz8", SensitiveKind.Password)]
    [InlineData("sshpass -p 'Fjord#Lantern7' ssh ops@10.0.0.5 uptime", SensitiveKind.Password)]
    [InlineData("curl -H 'Authorization: Basic YWRtaW46czNjcjN0UGFzczk=' https://ci.internal/api", SensitiveKind.ApiKey)]
    [InlineData("We use client_id corvid and client_secret 7c1e9a4b2d8f6e3a5c0b9d7e1f2a4c6b (from the portal).", SensitiveKind.ApiKey)]
    [InlineData("firebase deploy --token \"1//0hZq8vLm2Nx7TpCgYIARAAGBASNwF-L9IrWz9Ks1Yb6\"", SensitiveKind.ApiKey)]
    [InlineData("{\"auth\":{\"user\":\"ops@example.org\",\"pass\":\"vbnm qwer tyui opas\"}}", SensitiveKind.Password)]
    [InlineData("export MDP_PROD=Cerise!2031 avant de lancer le script", SensitiveKind.Password)]
    [InlineData("haslo_db=Sosna2024 w pliku .env", SensitiveKind.Password)]
    [InlineData("x-api-key: 3b7e9d1f5a2c8e4b6d0f9a1c3e5b7d9f。ヘッダーは正しいですか", SensitiveKind.ApiKey)]
    [InlineData("{\"auths\":{\"ghcr.io\":{\"auth\":\"dXNlcjpnaHBfc2VjcmV0VmFsdWUxMjM0NQ==\"}}}", SensitiveKind.ApiKey)]
    public void Scan_TokenShapesAndCommandSecrets_AreFound(string text, SensitiveKind expected) => Assert.Equal(expected, SensitiveScanner.Scan(text));

    /// <summary>Their look-alikes: placeholders, documented defaults, prose about auth, names that describe a password.</summary>
    [Theory]
    [InlineData("Our docs show curl -H 'Authorization: Bearer YOUR_TOKEN' https://api.example.com/v2/items")]
    [InlineData("DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev")]
    [InlineData("DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app")]
    [InlineData("fixtures: {'email': 'test@example.com', 'password': 'password123'}")]
    [InlineData("password: ${DB_PASSWORD:changeme}.")]
    [InlineData("Já coloquei a senha=SUA_SENHA_AQUI no exemplo.")]
    [InlineData("PASSWORD_MIN_LENGTH=12 and PASSWORD_RESET_URL=https://example.com/reset")]
    [InlineData("a basic understanding of auth flows and the author's 2 basic examples")]
    [InlineData("sshpass -p \"$SSH_PASS\" ssh deploy@host")]
    [InlineData("WARN password check failed for user=demo (password=[REDACTED])")]
    [InlineData("Slack docs: incoming webhooks live under hooks.slack.com/services/ and need an app")]
    [InlineData("my kid asked what a 'password' was before computers")]
    [InlineData("the token bucket refills 20 tokens a second; client_secret rotation is monthly")]
    [InlineData("Release 20260105:notes are out")]
    public void Scan_TokenShapeLookAlikes_AreNot(string text) => Assert.Equal(SensitiveKind.None, SensitiveScanner.Scan(text));

    /// <summary>
    /// A body in the Responses shape (<c>input</c> items, <c>instructions</c>, <c>function_call_output</c>) is read like a chat
    /// body by <c>route --eval</c> and by the gateway: a secret in any of its places is seen.
    /// </summary>
    [Theory]
    [InlineData("""{"sensitive":true,"protocol":"openai-responses","body":{"model":"auto","input":"my PIN is 4821, keep it safe"}}""")]
    [InlineData("""{"sensitive":true,"protocol":"openai-responses","body":{"model":"auto","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"deploy fails, look at deploy.sh"}]},{"type":"function_call","call_id":"c","name":"exec","arguments":"{}"},{"type":"function_call_output","call_id":"c","output":"sshpass -p 'Xihu@Longjing9' ssh deploy@10.0.0.7"}]}}""")]
    [InlineData("""{"sensitive":true,"protocol":"openai-responses","body":{"model":"auto","instructions":"The vault passphrase is 'orbit-lemon-cascade-42'.","input":"hello"}}""")]
    public void ResponsesShapeBody_SecretIsSeen(string line)
    {
        var example = ClassifierEvaluation.ParseLine(line, 1, out var problem);

        Assert.Null(problem);
        Assert.NotEqual(SensitiveKind.None, HeuristicClassifier.Sensitive(example!.View));
    }

    [Theory]
    [InlineData('h', "Hh")]
    [InlineData('w', "Ww")]
    [InlineData('/', "/")]
    public void WebhookStarts_EqualOnlyTheirCapitals(char first, string equal)
    {
        // WebhookUrl turns away a hit whose first character is none of h, H, /, w, W: no other UTF-16 unit may equal them under
        // OrdinalIgnoreCase, or a webhook written with it would be missed.
        Assert.Equal(equal, string.Concat(SensitivePrefilterTests.EqualUnderIgnoreCase(first)));
    }

    [Fact]
    public void Luhn_KnownNumbers_AreChecked()
    {
        Assert.True(SensitiveScanner.Luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
        Assert.False(SensitiveScanner.Luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]));
    }
}
