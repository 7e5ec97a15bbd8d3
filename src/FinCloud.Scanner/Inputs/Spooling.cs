namespace FinCloud.Scanner.Inputs;

/// <summary>Turns a read-once stream into a seekable one: in memory while small, then a temporary file deleted on close.</summary>
internal static class Spooling
{
    private const int InMemoryBytes = 16 << 20;

    /// <summary>Thrown when a stream inflates beyond a limit (zip bombs).</summary>
    public sealed class LimitExceededException(string message) : IOException(message);

    /// <param name="source">The stream to copy from.</param>
    /// <param name="limit">Most bytes accepted (inclusive).</param>
    /// <param name="limitMessage">Says which limit, when it is passed.</param>
    /// <param name="counted">Called with each block's length, for totals across streams.</param>
    /// <param name="ct">Cancels the copy.</param>
    public static async Task<Stream> ToSeekableAsync(Stream source, long limit, Func<long, string> limitMessage, Action<int>? counted, CancellationToken ct)
    {
        Stream target = new MemoryStream();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long total = 0;
            int n;
            while ((n = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                total += n;
                if (total > limit)
                {
                    throw new LimitExceededException(limitMessage(total));
                }

                counted?.Invoke(n);
                if (target is MemoryStream memory && memory.Length + n > InMemoryBytes)
                {
                    var file = TemporaryFile();
                    memory.Position = 0;
                    await memory.CopyToAsync(file, ct).ConfigureAwait(false);
                    await memory.DisposeAsync().ConfigureAwait(false);
                    target = file;
                }

                await target.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }

            target.Position = 0;
            return target;
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"fincloud-scan-{Guid.NewGuid():N}.tmp"),
        new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 1 << 16,
        });
}
