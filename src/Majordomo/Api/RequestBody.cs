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

    /// <summary>Reads the body into one pooled buffer, refusing it as soon as it passes the limit.</summary>
    public static async ValueTask<(byte[]? Buffer, int Length, BodyFailure? Failure)> ReadAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > max)
        {
            return (null, 0, BodyFailure.TooLarge);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // One byte over the configured limit, so the 413 below is ours, with its message.
            limit.MaxRequestBodySize = max + 1;
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
