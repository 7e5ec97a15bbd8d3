using System.Text;
using FinCloud.Core.Persistence;

namespace FinCloud.Web.Hosting;

/// <summary>Tells the person who ran <c>dotnet run</c> where to go and how to sign in (console only, never the log).</summary>
public static class StartupBanner
{
    public static void PrintOnStart(WebApplication app, IReadOnlyList<(DemoData.DemoUser User, string Password)> created)
    {
        if (!app.Configuration.GetValue("Demo:Banner", true))
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            var text = new StringBuilder();
            text.AppendLine().AppendLine("FinCloud is running:");
            foreach (var url in app.Urls)
            {
                text.Append("  ").Append(url).AppendLine("/account/login");
            }

            text.Append("Database: ").Append(settings.Provider).Append(settings.Provider == DatabaseProvider.Sqlite ? " " + settings.ConnectionString : "").AppendLine();
            if (created.Count > 0)
            {
                text.AppendLine("Demo users created (passwords also saved to " + Path.Combine(settings.DataDirectory, DemoData.PasswordsFileName) + "):");
                foreach (var (user, password) in created)
                {
                    text.Append("  ").Append(user.Email.PadRight(28)).Append(password).Append("  ").Append(user.Organization).Append(" · ").AppendJoin(", ", user.Roles).AppendLine();
                }
            }
            else
            {
                text.AppendLine("Demo users (passwords in " + Path.Combine(settings.DataDirectory, DemoData.PasswordsFileName) + "):");
                foreach (var user in DemoData.Users(app.Configuration.GetValue("Demo:Activity", true)))
                {
                    text.Append("  ").Append(user.Email.PadRight(28)).Append(user.Organization).Append(" · ").AppendJoin(", ", user.Roles).AppendLine();
                }
            }

            Console.Out.Write(text.ToString());
        });
    }
}
