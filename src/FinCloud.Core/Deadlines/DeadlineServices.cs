using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FinCloud.Core.Deadlines;

public static class DeadlineServices
{
    /// <summary>Registers a module's deadlines for the dashboard, the reminder job and the calendar feed.</summary>
    public static IServiceCollection AddDeadlineSource<T>(this IServiceCollection services)
        where T : class, IDeadlineSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDeadlineSource, T>());
        return services;
    }
}
