"""The organisation: who works where, in which unit and with whom.

Relationships, in the words of the domain brief:

* An :class:`Agency` is one organisation the platform serves: KEHA-keskus
  itself, the 15 ELY centres, the 15 TE offices and the municipal employment
  pilots. Regional editors belong to an agency.
* A :class:`Unit` is one of KEHA's eight units (Maksatusyksikkö, Talouspalvelut,
  ...). Units belong to an agency (in practice KEHA-keskus).
* A :class:`Location` is one of the 34 towns where staff have an office.
* A :class:`Team` belongs to a unit (or to no unit for cross-organisation
  networks), may have a parent team, and has members through
  :class:`TeamMembership`, which carries the member's role.
* A :class:`Person` is the profile of exactly one Django user: title, agency,
  unit, home location, teams, manager, contact details and photo.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from teams import photos


class TranslatedNameMixin(models.Model):
    """Finnish, Swedish and English names; ``name`` follows the active UI language.

    Finnish is required and is the fallback when a translation is missing.
    """

    name_fi = models.CharField(_("name (Finnish)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fi

    def __str__(self) -> str:
        return self.name


class Region(models.TextChoices):
    """ELY regions, plus 'national' for organisations that serve all of Finland."""

    NATIONAL = "national", _("National")
    UUSIMAA = "uusimaa", "Uusimaa"
    VARSINAIS_SUOMI = "varsinais-suomi", "Varsinais-Suomi"
    SATAKUNTA = "satakunta", "Satakunta"
    HAME = "hame", "Häme"
    PIRKANMAA = "pirkanmaa", "Pirkanmaa"
    KAAKKOIS_SUOMI = "kaakkois-suomi", "Kaakkois-Suomi"
    ETELA_SAVO = "etela-savo", "Etelä-Savo"
    POHJOIS_SAVO = "pohjois-savo", "Pohjois-Savo"
    POHJOIS_KARJALA = "pohjois-karjala", "Pohjois-Karjala"
    KESKI_SUOMI = "keski-suomi", "Keski-Suomi"
    ETELA_POHJANMAA = "etela-pohjanmaa", "Etelä-Pohjanmaa"
    POHJANMAA = "pohjanmaa", "Pohjanmaa"
    POHJOIS_POHJANMAA = "pohjois-pohjanmaa", "Pohjois-Pohjanmaa"
    KAINUU = "kainuu", "Kainuu"
    LAPPI = "lappi", "Lappi"


class Agency(TranslatedNameMixin):
    """An organisation served by the platform (KEHA-keskus, an ELY centre, a TE office, ...)."""

    class Kind(models.TextChoices):
        KEHA = "keha", _("KEHA Centre")
        ELY = "ely", _("ELY Centre")
        TE = "te", _("TE Office")
        MUNICIPAL_PILOT = "municipal_pilot", _("Municipal employment pilot")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, default=Region.NATIONAL)
    editor_group = models.OneToOneField(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editing_agency",
        verbose_name=_("regional editors"),
        help_text=_("The group whose members edit this agency's regional content."),
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["kind", "name_fi"]


class Unit(TranslatedNameMixin):
    """One of KEHA's units, e.g. Maksatusyksikkö (Payments Unit)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("agency")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_fi"]


class Location(models.Model):
    """A town where staff have an office (34 of them, from Kantvik to Salla)."""

    name_fi = models.CharField(_("name (Finnish)"), max_length=100)
    name_sv = models.CharField(_("name (Swedish)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    office_name = models.CharField(_("office"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=5, blank=True, validators=[RegexValidator(r"^\d{5}$", _("Five digits."))]
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name_fi"]

    @property
    def name(self) -> str:
        # Place names have no English form; Swedish where the town has one.
        if (get_language() or "fi")[:2] == "sv" and self.name_sv:
            return self.name_sv
        return self.name_fi

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("teams:location", kwargs={"slug": self.slug})

    @property
    def address(self) -> str:
        return ", ".join(
            part for part in [self.street_address, f"{self.postal_code} {self.name_fi}".strip()] if part
        )


class Team(ClusterableModel):
    """A team or network: its unit, its parent team and its members (through TeamMembership)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="teams", verbose_name=_("unit")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent team"),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("teams:team", kwargs={"slug": self.slug})


class ExpertiseTag(TagBase):
    """A free-form area of expertise ("palkkatuki", "hankinnat") that people can be found by."""

    class Meta:
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")


class TaggedExpertise(TaggedItemBase):
    tag = models.ForeignKey(ExpertiseTag, on_delete=models.CASCADE, related_name="tagged_people")
    content_object = models.ForeignKey("Person", on_delete=models.CASCADE, related_name="tagged_expertise")


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    SAMI = "se", _("Sámi")
    GERMAN = "de", _("German")
    RUSSIAN = "ru", _("Russian")
    ESTONIAN = "et", _("Estonian")


class PersonQuerySet(models.QuerySet):
    def for_listing(self):
        """Everything a person card shows, in a fixed number of queries."""
        return self.select_related("user", "agency", "unit", "home_location").order_by(
            "user__last_name", "user__first_name", "pk"
        )

    def active(self):
        return self.filter(user__is_active=True)


class Person(models.Model):
    """The profile of one user: where they sit in the organisation and how to reach them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person", verbose_name=_("user")
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="people", verbose_name=_("agency")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="people", verbose_name=_("unit")
    )
    home_location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("home location"),
    )
    teams = models.ManyToManyField(
        Team, through="TeamMembership", related_name="people", blank=True, verbose_name=_("teams")
    )
    manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
        verbose_name=_("manager"),
    )
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(r"^\+?[0-9 ()-]{5,30}$", _("Enter a phone number, e.g. +358 29 502 1234."))
        ],
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    expertise = TaggableManager(
        through=TaggedExpertise, blank=True, verbose_name=_("expertise"), help_text=_("Comma-separated.")
    )
    photo = models.ImageField(_("photo"), upload_to=photos.photo_path, blank=True)
    photo_thumbnail = models.ImageField(
        _("thumbnail"), upload_to=photos.thumbnail_path, blank=True, editable=False
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def initials(self) -> str:
        return "".join(part[:1] for part in [self.user.first_name, self.user.last_name]).upper() or "?"

    @property
    def email(self) -> str:
        return self.user.email

    def get_absolute_url(self) -> str:
        return reverse("teams:person", kwargs={"username": self.user.get_username()})

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]


class TeamMembership(models.Model):
    """A person's membership of a team, with their role in it."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Team lead")
        MEMBER = "member", _("Member")

    # ParentalKey: memberships are edited inline on the team in the Wagtail admin.
    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team"))
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [models.UniqueConstraint(fields=["team", "person"], name="unique_team_membership")]
        ordering = ["role", "person__user__last_name"]  # "lead" sorts before "member"

    def __str__(self) -> str:
        return f"{self.person} – {self.team} ({self.get_role_display()})"
