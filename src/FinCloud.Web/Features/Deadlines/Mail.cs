using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FinCloud.Web.Features.Deadlines;

/// <summary>An e-mail to one recipient; plain text, Korean.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>
/// <c>Mail</c> settings. With <c>Mail:Smtp:Host</c> set, mail goes out by SMTP (MailKit); otherwise each message
/// is written as an <c>.eml</c> file to <c>Mail:DropDirectory</c> (default <c>data/mail</c>): development and
/// tests never send real mail.
/// </summary>
public sealed class MailSettings
{
    public string From { get; set; } = "FinCloud <no-reply@fincloud.local>";

    public string? DropDirectory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c> (a local relay only).</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    }

    internal MimeMessage Message(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}

/// <summary>Writes each message as an .eml file (UTF-8 headers and body) for development and tests.</summary>
public sealed class FileDropMailSender(MailSettings settings, string directory, TimeProvider clock) : IMailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var message = settings.Message(mail);
        message.Date = clock.GetUtcNow();
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmss}-{Guid.CreateVersion7(clock.GetUtcNow()):N}.eml";
        await message.WriteToAsync(Path.Combine(Directory, name), ct);
    }
}

/// <summary>Sends by SMTP with MailKit; one connection per message is plenty for a few reminders a day.</summary>
public sealed class SmtpMailSender(MailSettings settings, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var message = settings.Message(mail);
        message.Date = clock.GetUtcNow();
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), settings.Smtp.Port, settings.Smtp.Security, ct);
        if (settings.Smtp.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
