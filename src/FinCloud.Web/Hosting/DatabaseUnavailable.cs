using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace FinCloud.Web.Hosting;

/// <summary>
/// While the database is unreachable (a PostgreSQL restart or failover), requests fail cleanly with 503 ProblemDetails and
/// Retry-After instead of 500; Npgsql drops the broken connections and the next requests reach the database again.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (!IsUnavailable(exception) || context.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도하세요. (The database is briefly unavailable; retry shortly.)",
            },
        });
    }

    /// <summary>Connection failures and server shutdown states (class 08, 57P0x), anywhere in the exception chain.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03":
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException n when n.IsTransient && n is not PostgresException:
                case SocketException:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable while serving {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, PathString path);
}
