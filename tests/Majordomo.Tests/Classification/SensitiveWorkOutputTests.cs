using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What coding agents read while they work (probe 35 read by category; docs/CLASSIFIER.md): a generated password in Terraform's state,
/// a secret printed under the command that reads it, a call's quoted secret name with its value as the next argument, a password's
/// short name, a client built from a module's call, an id's field in a request log — each beside its twin; and the values that only
/// look random: cloud resource ids, IAM principal ids, module hashes, regex ranges, URL escapes, readable base64, named examples.
/// </summary>
public class SensitiveWorkOutputTests
{
    [Theory]
    [InlineData("{\"type\": \"random_password\", \"name\": \"db\", \"instances\": [{\"attributes\": {\"length\": 18, \"result\": \"k2VqT8nLwXzRcYpMab\"}}]}")]
    [InlineData("resource \"random_password\" \"mq\" {\n    id          = \"none\"\n    result      = \"Xb7mQwRkTzLnVdfa\"\n}")]
    public void GeneratedPasswordInState_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("resource \"random_password\" \"mq\" {\n    id          = \"none\"\n    result      = (sensitive value)\n}")]
    [InlineData("{\"type\": \"random_pet\", \"instances\": [{\"attributes\": {\"id\": \"driven-lemur\"}}]}")]
    [InlineData("why does random_password keep changing its result on every apply?")]
    public void StateWithoutTheValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("$ kubectl get secret argocd-admin -n argocd -o jsonpath='{.data.password}' | base64 -d\nhQ7bKWIbHrHKRUdU\nhow do I do it for all keys?")]
    [InlineData("$ terraform output -raw admin_password\nKx9vQ2mLt7RzW3bN")]
    [InlineData("$ vault kv get -field=password secret/app/db\nr4JmT9wQxK2bVn7c")]
    public void SecretPrintedUnderItsCommand_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("$ kubectl get secret argocd-admin -n argocd -o jsonpath='{.data.password}' | base64 -d\nError from server (NotFound): secrets \"argocd-admin\" not found")]
    [InlineData("$ kubectl get secret argocd-admin -o jsonpath='{.data.username}' | base64 -d\nadmin")]
    [InlineData("$ kubectl get secret argocd-admin -o yaml\napiVersion: v1")]
    public void CommandWithoutAPrintedValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("define( 'DB_PASSWORD', 'O3jfHWRa767B8hoq' );")]
    [InlineData("SMTP_PASSWORD = os.getenv('SMTP_PASSWORD', 'b0842098396-60fc56c3-35f6d6f5')")]
    [InlineData("var apiToken = getEnv(\"PARTNER_API_TOKEN\", \"4f9c2e7a1b8d3f6e0a5c9b2d7e1f4a8c\")")]
    [InlineData("REDIS_PASSWORD = ENV.fetch('REDIS_PASSWORD') { 'Wm4zQx8TkR2nLv' }")]
    public void SecretNameWithItsValueAsTheNextArgument_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("define( 'DB_PASSWORD', getenv( 'WORDPRESS_DB_PASSWORD' ) );")]
    [InlineData("define( 'DB_PASSWORD', 'password_here' );")]
    [InlineData("SMTP_PASSWORD = os.getenv('SMTP_PASSWORD', '')")]
    [InlineData("label = __('Password', 'woocommerce')")]
    [InlineData("REDIS_PASSWORD = ENV.fetch('REDIS_PASSWORD') { nil }")]
    public void SecretNameWithoutAValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("BIND_DN    = 'cn=svc,dc=kettle,dc=io'\nBIND_PW    = 'sCFYiC7TyY4POMRm2o'")]
    [InlineData("PG_HOST=db.intern\nPG_PW=Hw7kTq2ZmR9vXn")]
    [InlineData("ADMIN_PW := Rt6vNq3WzK8m")]
    public void PasswordByItsShortName_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("PW_MIN_LEN=12\nPW_MAX_AGE_DAYS=90")]
    [InlineData("SMTP_PW    = None")]
    [InlineData("bind_pw = getpass.getpass('bind pw: ')")]
    [InlineData("MIRROR_PW=${{ secrets.MIRROR_PW }}")]
    [InlineData("ADMIN_PW ?= $(shell pass show infra/django-admin)")]
    public void ShortNameWithoutAValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("const client = require('twilio')('AC5444ade544fcad8d2b6b73102c1d3659', 'c09b4de19e434d1e3a33a5fc4880c829');")]
    [InlineData("request: {\"name\":\"王丽娟\",\"idCard\":\"110105198807153421\",\"mobile\":\"13812345678\"}")]
    [InlineData("record 1182 failed: certNo=440305198512074419 reason=PHOTO_MISMATCH")]
    [InlineData("{\"name\": \"佐藤 健\", \"id_card_no\": \"D2041187530\"}")]
    public void ClientFromAModuleCallAndIdFields_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("const client = require('twilio')(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);")]
    [InlineData("twilio error 21608 sid=SM7c2e9f4a1b8d3e6f0a5c9b2d7e1f4a86 to=+34611****21")]
    [InlineData("req={\"realName\":\"陈**\",\"idNo\":\"3201**********2817\"}")]
    [InlineData("{\"idCardType\": \"NATIONAL_ID\", \"idCardCountry\": \"FR\"}")]
    public void ClientFromVariablesAndMaskedIdFields_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("        id                    = \"db-D4GVH8PYUT0IN8YYPOJJ93AZ72\"")]
    [InlineData("      ~ allocation_id = \"eipalloc-0a1b2c3d4e5f60718\" -> \"eipalloc-09f8e7d6c5b4a3921\"")]
    [InlineData("Authenticated as assumedRoleId AROAUXYZ7QKD3EXAMPLE:GitHubActions")]
    [InlineData("golang.org/x/net v0.33.0 h1:qzygmU56QmWSmSv11JM0JAa65zPjZ1ThgnKwxJ8WXq3=")]
    [InlineData("Our tokens are 32 chars from [A-Za-z0-9] plus a CRC32 checksum")]
    [InlineData("GET https://harbor.example.net/service/token?scope=repository%3Ashop%2Fapi%3Apull&service=harbor-registry: 401")]
    [InlineData("  publishableKey: 'pk_live_51NzQvbGk2Xr0aT8mJh0lYQ7uW3pdcE9fKx2LmZs5TqR8vB1nA6oH4jC0yD7gU2iF9wE3rN5sP',")]
    [InlineData("Nei test userò RSSMRA85T10A562S che è l'esempio di Wikipedia.")]
    [InlineData("\"extra\": {\"invoice_ids\": [\"inv_01JDX4K9Q2\", \"inv_01JDX4M7R8\"]}")]
    [InlineData("DETAIL:  Key (external_id)=(pi_3QkX2d) is duplicated.")]
    [InlineData("debug1: Will attempt key: /Users/ana/.ssh/id_ed25519 ED25519 SHA256:edgQwUZDtD7rjHFBBwfA7uSwnv73wepZd0hgOi/LXpa")]
    [InlineData("password: await hash('password123', 12)")]
    [InlineData("data:\n  flags.json: eyJmZWF0dXJlRmxhZ3MiOnsibmV3Q2hlY2tvdXQiOnRydWUsImRhcmtNb2RlIjpmYWxzZX0sIm1heFVwbG9hZCI6IjI1TUIiLCJyZWdpb24iOiJldS13ZXN0LTEifQ==")]
    [InlineData("certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM1ekNDQWMrZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKY201bGRHVnpNQjRYRFRJMk1URXdNVEV3TURBd01Gb1hEVE0yTVRBeU9URXdNREF3TUZvd0ZURVRNQkVHQTFVRQo=")]
    public void ValuesThatOnlyLookRandom_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("  id = \"db-D4gvh8pYUT0in8YYpoJJ93aZ72kQ\"\n  secret = \"wJalrXUtnFEMI7K7MDENGbPxRfiCYzEXAMPLEKEYq\"")]
    [InlineData("AKIAZ7QW3XK5PLM2NBVR:Hq3vR8kLm2XwT5nZc9PbJ4yFs7Dg1aKe6UoWt0Vi")]
    [InlineData("  restrictedKey: 'rk_live_51QaZ3kLm8XwT2vRn6YpB4cJd9FhG1sKe7UoWt0ViNq5MzR3xLb8TyC2wPd6Hj4Kf0',")]
    [InlineData("\"extra\": {\"api_token\": \"tok_01JDX4K9Q2\"}")]
    [InlineData("key: Zq8RtN3vWx5KmL2pHc7Jd4Fs")]
    [InlineData("data:\n  smtp.conf: aG9zdD1tYWlsLnNob3AtbGluZG5lci5kZQp1c2VyPWJlc3RlbGx1bmdlbkBzaG9wLWxpbmRuZXIuZGUKcGFzc3dvcmQ9TGluZG5lcjIwMjZNYWlsCg==")]
    [InlineData("client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSVBxM1Q4dlcybVpyOUxrWDRuUWM3SmRGNmJZczFIYUUwdFU1Z1Z5Uno4S29vQW9HQ0NxR1NNNDkKQXdFSG9VUURRZ0FFNHYwUnQ3THE5V21aCi0tLS0tRU5EIEVDIFBSSVZBVEUgS0VZLS0tLS0K")]
    public void TheirSecretTwins_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Run ID: 12098477123  Attempt: 2")]
    [InlineData("[profile infra]\nsso_session = corp\nsso_account_id = 590183364117\nsso_role_name = InfraAdmin")]
    [InlineData("password = pypi-AgEIcHlwaS5vcmc...   # (trimmed, the full token is in the file)")]
    [InlineData("¿Por qué me muestra la contraseña vacía?\n\n```yaml\n  api:\n    environment:\n      DB_PASSWORD: \"\"\n    image: ghcr.io/tienda-sol/api:2.3.1\n```")]
    [InlineData("| key | default | description |\n|---|---|---|\n| `auth.rootPassword` | `changeme` | root password, override in production |\n| `auth.existingSecret` | `\"\"` | use an existing secret |")]
    [InlineData("def test_accepts_spaces():\n    assert is_valid_iban(\"GB82 WEST 1234 5698 7654 32\")")]
    public void CiIdsAccountIdsTrimmedEmptyDefaultsAndTestFixtures_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("TC Kimlik No: 12098477123")]
    [InlineData("Kontonummer 590183364117, BLZ 10010010")]
    [InlineData("password = pypi-AgEIcHlwaS5vcmcCJDU3ZjkxMmY4LTQyYjEtNDNkZi1hMzA5LWEwNGI3ZmQ0ZTcyMQACKlszLCI4")]
    [InlineData("what's the wifi password?\nana: Tulpen-Garten-77")]
    [InlineData("| user | password |\n|---|---|\n| admin | Qm7xTk2RzW9v |")]
    [InlineData("please pay the invoice to GB82 WEST 1234 5698 7654 32, thanks")]
    public void TheirValuesWrittenInFull_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    public static TheoryData<string, string, bool> AgentCalls => new()
    {
        // A secret printed by the model's call, the value in the tool's result; the twins print an error and a list.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"compare vault with the pod"},{"role":"assistant","content":[{"type":"tool_use","id":"k","name":"Bash","input":{"command":"vault kv get -field=password secret/payments/db"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"k","content":"r4JmT9wQxK2bVn7c"}]}]}""", true },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"compare vault with the pod"},{"role":"assistant","content":[{"type":"tool_use","id":"k","name":"Bash","input":{"command":"vault kv get -field=password secret/payments/db"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"k","content":"Code: 403. Errors:\n\n* permission denied"}]}]}""", false },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"which versions are there"},{"role":"assistant","content":[{"type":"tool_use","id":"k","name":"Bash","input":{"command":"gcloud secrets versions list smtp-relay"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"k","content":"NAME  STATE\n3     enabled\n2     disabled"}]}]}""", false },
    };

    [Theory]
    [MemberData(nameof(AgentCalls))]
    public void SecretPrintedByTheModelsCall_IsReadInTheResult(string protocol, string body, bool sensitive)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);
        Assert.Equal(sensitive, HeuristicClassifier.Sensitive(view) != SensitiveKind.None);
    }
}
