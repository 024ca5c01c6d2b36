import { site } from '@/lib/site'
import { urls } from '@/lib/urls'
import type { DeskLink } from '@/queries/desks'

export function SiteHeader({ sections }: { sections: DeskLink[] }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <a className="site-header__name" href={urls.home()}>
          {site.name}
        </a>
        <nav aria-label="Sections">
          <ul className="site-nav">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={urls.desk(section) ?? '#'}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <a className="site-header__search" href={urls.search()}>
          Search
        </a>
      </div>
    </header>
  )
}
