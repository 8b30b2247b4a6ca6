import { createApp } from 'vue';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import 'primeicons/primeicons.css';
import './styles/app.css';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { primeVueOptions } from './theme/preset';

const app = createApp(App);
app.use(createPinia());
app.use(createAppI18n());
app.use(PrimeVue, primeVueOptions);
const router = createAppRouter();
app.use(router);

router.isReady().then(() => app.mount('#app'));
