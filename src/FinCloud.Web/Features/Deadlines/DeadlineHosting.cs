using FinCloud.Core.Deadlines;
using FinCloud.Core.Persistence;

namespace FinCloud.Web.Features.Deadlines;

public static class DeadlineHosting
{
    /// <summary>The deadline board, mail (SMTP when <c>Mail:Smtp:Host</c> is set, else an .eml drop folder), reminders and their job.</summary>
    public static IServiceCollection AddFinCloudDeadlines(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddScoped<DeadlineBoard>();
        services.AddSingleton<DeadlineSnapshots>();
        var mail = configuration.GetSection("Mail").Get<MailSettings>() ?? new MailSettings();
        services.AddSingleton(mail);
        if (mail.Smtp.Host is { Length: > 0 })
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            var drop = mail.DropDirectory is { Length: > 0 } d ? d : Path.Combine(database.DataDirectory, "mail");
            services.AddSingleton<IMailSender>(sp => new FileDropMailSender(mail, drop, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<DeadlineReminders>();
        services.AddFinCloudJobs(configuration, database);
        return services;
    }
}
