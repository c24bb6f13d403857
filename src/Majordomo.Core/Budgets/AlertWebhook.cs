using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Majordomo.Storage;

namespace Majordomo.Budgets;

/// <summary>
/// Posts budget alerts to <c>budgets.alerts.webhook</c> off the request path: a bounded queue drained
/// by one background loop, each alert tried up to <see cref="MaxTries"/> times with growing waits
/// (on the injected clock). The outcome is written back to the alert's row.
/// </summary>
internal sealed partial class AlertWebhook : BackgroundService, IBudgetAlertSink
{
    public const int MaxTries = 4;

    private static readonly TimeSpan[] Waits = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly Channel<BudgetAlert> _queue = Channel.CreateBounded<BudgetAlert>(new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Func<string?> _url;
    private readonly IAlertStore _store;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ILogger<AlertWebhook> _logger;

    public AlertWebhook(Func<string?> url, IAlertStore store, TimeProvider time, ILogger<AlertWebhook> logger, HttpMessageHandler? handler = null)
    {
        _url = url;
        _store = store;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public void Enqueue(BudgetAlert alert)
    {
        if (_url() is not null)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await DeliverAsync(alert, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; undelivered alerts keep their stored row.
        }
    }

    private async Task DeliverAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        var payload = new AlertPayload("budget_alert", alert.Budget, alert.Scope, alert.Period, alert.Threshold, alert.Used, alert.Limit,
            Math.Round(alert.Used / alert.Limit * 100, 1), alert.At, alert.ResetsAt);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, AlertJson.Default.AlertPayload);
        string status = "failed";
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            if (_url() is not { } url)
            {
                status = "no webhook";
                break;
            }

            try
            {
                // A sized body (Content-Length), not chunked: receivers that read Content-Length saw nothing.
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    status = $"delivered ({attempt} tries)";
                    break;
                }

                status = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = "connection error";
            }

            if (attempt < MaxTries)
            {
                await Task.Delay(Waits[Math.Min(attempt - 1, Waits.Length - 1)], _time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogWebhookFailed(_logger, alert.Budget, MaxTries, status);
            }
        }

        try
        {
            await _store.MarkWebhookAsync(alert, status, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            LogWebhookFailed(_logger, alert.Budget, 0, ex.Message);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = LogEvents.AlertWebhookFailed, Level = LogLevel.Warning, Message = "Budget alert webhook for {Budget} failed after {Tries} tries: {Status}")]
    private static partial void LogWebhookFailed(ILogger logger, string budget, int tries, string status);
}

/// <summary>The JSON body posted to the webhook.</summary>
internal sealed record AlertPayload(
    string Type, string Budget, string Scope, string Period, double Threshold, double Used, double Limit, double Percent,
    DateTimeOffset At, DateTimeOffset? ResetsAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AlertPayload))]
internal sealed partial class AlertJson : JsonSerializerContext;
