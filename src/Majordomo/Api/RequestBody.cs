using System.Buffers;

namespace Majordomo.Api;

/// <summary>A request body in one pooled buffer; disposing it returns the buffer to the pool.</summary>
internal readonly struct RequestBody(byte[] buffer, int length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => new(buffer, 0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

    public enum BodyFailure
    {
        TooLarge,
        Unreadable,
    }

    // How much past the limit a refused body is still read and discarded, at the least (see ReadAsync).
    private const long DrainFloor = 1024 * 1024;

    /// <summary>Reads the body into one pooled buffer, refusing it as soon as it passes the limit.</summary>
    public static async ValueTask<(byte[]? Buffer, int Length, BodyFailure? Failure)> ReadAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        // Kestrel's own limit sits above ours: the 413 below is ours, with its message, and after it is written Kestrel reads
        // and discards the rest of the body (up to this limit, for at most its drain timeout) before it closes or reuses the
        // connection. Closed with the body still arriving, the client's next write fails (broken pipe, reset) and it may
        // never read the 413. A body far past the limit is still cut off.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + Math.Max(max, DrainFloor);
        }

        if (request.ContentLength is { } declared && declared > max)
        {
            return (null, 0, BodyFailure.TooLarge);
        }

        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffered = result.Buffer;
                if (buffered.Length > max)
                {
                    reader.AdvanceTo(buffered.Start, buffered.End);
                    return (null, 0, BodyFailure.TooLarge);
                }

                if (result.IsCompleted)
                {
                    var length = (int)buffered.Length;
                    var array = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
                    buffered.CopyTo(array);
                    reader.AdvanceTo(buffered.End);
                    return (array, length, null);
                }

                // Examine everything, consume nothing: the pipe keeps buffering until the body is complete.
                reader.AdvanceTo(buffered.Start, buffered.End);
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            return (null, 0, BodyFailure.TooLarge);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Http.BadHttpRequestException or InvalidOperationException)
        {
            return (null, 0, BodyFailure.Unreadable);
        }
    }
}
