using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FinCloud.Core;
using FinCloud.Core.ApiAccess;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on POST /api: the first request runs inside one database transaction that also stores its
/// response under (organisation, key); a retry with the same key and body within 24 hours gets the stored response
/// (<c>Idempotency-Replayed: true</c>) without running again, so without a second write or audit event; the same key
/// with another request is 422. Two instances racing on one key: the unique index lets one commit, the other rolls
/// back everything it did and answers 409.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    /// <summary>The first key of PostgreSQL's two-key advisory locks: idempotency keys (the audit chain uses one-key locks).</summary>
    private const int LockClass = 0x1DE4;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers[Header].ToString();
            if (key.Length == 0 || !HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            var db = context.RequestServices.GetRequiredService<FinCloudDbContext>();
            if (!db.Tenant.HasOrganization)
            {
                await next(context);
                return;
            }

            if (key.Length > IdempotencyRecord.MaxKeyLength || key.Any(char.IsControl))
            {
                await Problem(context, StatusCodes.Status400BadRequest, "Bad Idempotency-Key", $"The key must be 1 to {IdempotencyRecord.MaxKeyLength} printable characters.");
                return;
            }

            var ct = context.RequestAborted;
            var hash = await HashAsync(context.Request, ct);
            var now = db.Clock.GetUtcNow();
            // SQLite: BEGIN IMMEDIATE holds the write lock. PostgreSQL: a transaction lock on (organisation, key) makes a
            // concurrent request with the same key, on any instance, wait here and then find the stored response.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                var lockKey = BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{db.Tenant.OrganizationId}/{key}")));
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {lockKey})", ct);
            }

            var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Key == key, ct);
            if (existing is not null && !existing.IsExpiredAt(now))
            {
                await transaction.RollbackAsync(ct);
                if (existing.RequestHash != hash)
                {
                    await Problem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                        "This Idempotency-Key was used with a different request in the last 24 hours; use a new key for a new request.");
                    return;
                }

                context.Response.StatusCode = existing.StatusCode;
                context.Response.ContentType = existing.ContentType;
                if (existing.Location is { } location)
                {
                    context.Response.Headers.Location = location;
                }

                context.Response.Headers[ReplayedHeader] = "true";
                await context.Response.Body.WriteAsync(existing.ResponseBody, ct);
                return;
            }

            if (existing is not null)
            {
                db.IdempotencyRecords.Remove(existing);
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
                if (context.Response.StatusCode < 500)
                {
                    db.IdempotencyRecords.Add(IdempotencyRecord.Of(key, hash, context.Response.StatusCode, context.Response.ContentType,
                        context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray(), now));
                    try
                    {
                        await db.SaveChangesAsync(ct);
                        await transaction.CommitAsync(ct);
                    }
                    catch (DbUpdateException)
                    {
                        // The unique index as a backstop: another request stored this key first; this one's writes roll back.
                        await transaction.RollbackAsync(ct);
                        db.ChangeTracker.Clear();
                        context.Response.Body = original;
                        context.Response.Headers.Remove("Location");
                        await Problem(context, StatusCodes.Status409Conflict, "Idempotency-Key in use",
                            "Another request with this Idempotency-Key was completed at the same time; retry to receive its response.");
                        return;
                    }
                }
            }
            finally
            {
                context.Response.Body = original;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, ct);
        });

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
}
